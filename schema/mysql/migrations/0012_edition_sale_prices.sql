ALTER TABLE `editions` ADD `lowest_list_price` bigint;--> statement-breakpoint
ALTER TABLE `editions` ADD `price_changes_at` bigint;