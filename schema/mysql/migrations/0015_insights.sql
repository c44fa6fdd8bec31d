CREATE TABLE `edition_funnel_days` (
	`edition_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`day` varchar(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`views` int NOT NULL DEFAULT 0,
	`cart_adds` int NOT NULL DEFAULT 0,
	CONSTRAINT `edition_funnel_days_edition_id_day_pk` PRIMARY KEY(`edition_id`,`day`)
);
--> statement-breakpoint
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
CREATE TABLE `weekly_reports` (
	`week` varchar(8) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`starts_at` bigint NOT NULL,
	`ends_at` bigint NOT NULL,
	`figures` json NOT NULL,
	`built_at` bigint NOT NULL,
	CONSTRAINT `weekly_reports_week` PRIMARY KEY(`week`)
);
--> statement-breakpoint
CREATE TABLE `weekly_seller_reports` (
	`week` varchar(8) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`seller_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`rank` int NOT NULL,
	`figures` json NOT NULL,
	CONSTRAINT `weekly_seller_reports_week_seller_id_pk` PRIMARY KEY(`week`,`seller_id`)
);
--> statement-breakpoint
CREATE INDEX `insights_edition_purchases_buyer_idx` ON `insights_edition_purchases` (`buyer_id`);--> statement-breakpoint
CREATE INDEX `insights_edition_viewers_user_idx` ON `insights_edition_viewers` (`user_id`);