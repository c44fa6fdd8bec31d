ALTER TABLE `order_lines` ADD `refunded_quantity` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `restocked_quantity` integer DEFAULT 0 NOT NULL;