CREATE TABLE `insights_edition_purchases` (
	`order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`edition_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`buyer_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`day` varchar(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`quantity` int NOT NULL,
	CONSTRAINT `insights_edition_purchases_order_id_edition_id_pk` PRIMARY KEY(`order_id`,`edition_id`)
);
--> statement-breakpoint
CREATE TABLE `insights_edition_recommendations` (
	`edition_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`kind` varchar(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`rank` int NOT NULL,
	`recommended_edition_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`score` int NOT NULL,
	`built_at` bigint NOT NULL,
	CONSTRAINT `insights_edition_recommendations_edition_id_kind_rank_pk` PRIMARY KEY(`edition_id`,`kind`,`rank`)
);
--> statement-breakpoint
CREATE TABLE `insights_edition_viewers` (
	`viewer_key` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`edition_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`day` varchar(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`user_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	CONSTRAINT `insights_edition_viewers_viewer_key_edition_id_day_pk` PRIMARY KEY(`viewer_key`,`edition_id`,`day`)
);
--> statement-breakpoint
CREATE INDEX `insights_edition_purchases_buyer_idx` ON `insights_edition_purchases` (`buyer_id`);--> statement-breakpoint
CREATE INDEX `insights_edition_viewers_user_idx` ON `insights_edition_viewers` (`user_id`);