ALTER TABLE `print_jobs` ADD `seller_order_id` text;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `status` text DEFAULT 'waiting' NOT NULL;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `updated_at` integer;--> statement-breakpoint
CREATE INDEX `print_jobs_seller_idx` ON `print_jobs` (`seller_id`,`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `print_jobs_seller_order_idx` ON `print_jobs` (`seller_order_id`);