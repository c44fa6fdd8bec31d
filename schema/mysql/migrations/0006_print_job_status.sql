ALTER TABLE `print_jobs` ADD `seller_order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `status` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT 'waiting' NOT NULL;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `updated_at` bigint;--> statement-breakpoint
CREATE INDEX `print_jobs_seller_idx` ON `print_jobs` (`seller_id`,`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `print_jobs_seller_order_idx` ON `print_jobs` (`seller_order_id`);