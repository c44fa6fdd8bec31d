CREATE TABLE `edition_funnel_days` (
	`edition_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`day` varchar(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`views` int NOT NULL DEFAULT 0,
	`cart_adds` int NOT NULL DEFAULT 0,
	CONSTRAINT `edition_funnel_days_edition_id_day_pk` PRIMARY KEY(`edition_id`,`day`)
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
