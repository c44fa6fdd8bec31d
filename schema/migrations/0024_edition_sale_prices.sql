ALTER TABLE `editions` ADD `lowest_list_price` integer;--> statement-breakpoint
ALTER TABLE `editions` ADD `price_changes_at` integer;