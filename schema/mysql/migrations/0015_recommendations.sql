CREATE TABLE `insights_edition_purchases` (
	`order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`isbn13` varchar(13) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`buyer_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`day` varchar(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`quantity` int NOT NULL,
	CONSTRAINT `insights_edition_purchases_order_id_isbn13_pk` PRIMARY KEY(`order_id`,`isbn13`)
);
--> statement-breakpoint
CREATE TABLE `insights_edition_recommendations` (
	`isbn13` varchar(13) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`kind` varchar(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`rank` int NOT NULL,
	`recommended_isbn13` varchar(13) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`score` int NOT NULL,
	`built_at` bigint NOT NULL,
	CONSTRAINT `insights_edition_recommendations_isbn13_kind_rank_pk` PRIMARY KEY(`isbn13`,`kind`,`rank`)
);
--> statement-breakpoint
CREATE TABLE `insights_edition_viewers` (
	`viewer_key` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`isbn13` varchar(13) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`day` varchar(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`user_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	CONSTRAINT `insights_edition_viewers_viewer_key_isbn13_day_pk` PRIMARY KEY(`viewer_key`,`isbn13`,`day`)
);
--> statement-breakpoint
CREATE INDEX `insights_edition_purchases_buyer_idx` ON `insights_edition_purchases` (`buyer_id`);--> statement-breakpoint
CREATE INDEX `insights_edition_viewers_user_idx` ON `insights_edition_viewers` (`user_id`);