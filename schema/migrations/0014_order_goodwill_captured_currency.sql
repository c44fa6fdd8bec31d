ALTER TABLE `orders` ADD `goodwill_total` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `captured_currency` text;