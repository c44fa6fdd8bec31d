CREATE TABLE `listing_sale_prices` (
	`id` text PRIMARY KEY NOT NULL,
	`listing_id` text NOT NULL,
	`amount` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`state` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `listing_sale_prices_listing_idx` ON `listing_sale_prices` (`listing_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `promotion_redemptions` (
	`id` text PRIMARY KEY NOT NULL,
	`promotion_id` text NOT NULL,
	`order_id` text NOT NULL,
	`buyer_id` text NOT NULL,
	`state` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `promotion_redemptions_order_idx` ON `promotion_redemptions` (`order_id`,`promotion_id`);--> statement-breakpoint
CREATE INDEX `promotion_redemptions_buyer_idx` ON `promotion_redemptions` (`promotion_id`,`buyer_id`,`state`);--> statement-breakpoint
CREATE TABLE `promotions` (
	`id` text PRIMARY KEY NOT NULL,
	`seller_id` text,
	`funded_by` text NOT NULL,
	`name` text NOT NULL,
	`code` text,
	`kind` text NOT NULL,
	`percent_off` integer,
	`amount_off` integer,
	`buy_quantity` integer,
	`get_quantity` integer,
	`bundle_quantity` integer,
	`bundle_price` integer,
	`currency` text NOT NULL,
	`minimum_spend` integer DEFAULT 0 NOT NULL,
	`targets` text NOT NULL,
	`valid_from` integer NOT NULL,
	`valid_until` integer,
	`usage_limit` integer,
	`per_buyer_limit` integer,
	`stackable` integer DEFAULT false NOT NULL,
	`status` text NOT NULL,
	`uses_held` integer DEFAULT 0 NOT NULL,
	`uses_count` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `promotions_code_idx` ON `promotions` (`code`);--> statement-breakpoint
CREATE INDEX `promotions_seller_idx` ON `promotions` (`seller_id`,`status`);--> statement-breakpoint
CREATE INDEX `promotions_status_idx` ON `promotions` (`status`,`valid_from`);--> statement-breakpoint
CREATE TABLE `tax_rates` (
	`id` text PRIMARY KEY NOT NULL,
	`country` text NOT NULL,
	`region` text DEFAULT '' NOT NULL,
	`tax_class` text NOT NULL,
	`rate` integer NOT NULL,
	`name` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tax_rates_destination_idx` ON `tax_rates` (`country`,`region`,`tax_class`);--> statement-breakpoint
ALTER TABLE `listings` ADD `list_price_amount` integer;--> statement-breakpoint
ALTER TABLE `listings` ADD `price_changes_at` integer;--> statement-breakpoint
CREATE INDEX `listings_price_changes_idx` ON `listings` (`price_changes_at`);--> statement-breakpoint
ALTER TABLE `order_lines` ADD `discounts` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `discount_total` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `order_refunds` ADD `tax` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `discount_total` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `seller_funded_discount` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `tax_lines` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `tax_country` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `seller_orders` ADD `discount_total` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `seller_orders` ADD `seller_funded_discount` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `seller_orders` ADD `tax` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `seller_orders` ADD `tax_lines` text DEFAULT '[]' NOT NULL;