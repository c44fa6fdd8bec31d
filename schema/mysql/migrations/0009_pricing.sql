CREATE TABLE `listing_sale_prices` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`listing_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`amount` bigint NOT NULL,
	`starts_at` bigint NOT NULL,
	`ends_at` bigint NOT NULL,
	`state` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `listing_sale_prices_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `promotion_redemptions` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`promotion_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`buyer_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`state` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`amount` bigint NOT NULL,
	`currency` varchar(3) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `promotion_redemptions_id` PRIMARY KEY(`id`),
	CONSTRAINT `promotion_redemptions_order_idx` UNIQUE(`order_id`,`promotion_id`)
);
--> statement-breakpoint
CREATE TABLE `promotions` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`seller_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`funded_by` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`name` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`code` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`kind` varchar(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`percent_off` int,
	`amount_off` bigint,
	`buy_quantity` int,
	`get_quantity` int,
	`bundle_quantity` int,
	`bundle_price` bigint,
	`currency` varchar(3) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`minimum_spend` bigint NOT NULL DEFAULT 0,
	`targets` json NOT NULL,
	`valid_from` bigint NOT NULL,
	`valid_until` bigint,
	`usage_limit` int,
	`per_buyer_limit` int,
	`stackable` boolean NOT NULL DEFAULT false,
	`status` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`uses_held` int NOT NULL DEFAULT 0,
	`uses_count` int NOT NULL DEFAULT 0,
	`version` int NOT NULL DEFAULT 1,
	`created_by` varchar(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `promotions_id` PRIMARY KEY(`id`),
	CONSTRAINT `promotions_code_idx` UNIQUE(`code`)
);
--> statement-breakpoint
CREATE TABLE `tax_rates` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`country` varchar(2) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`region` varchar(8) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL DEFAULT '',
	`tax_class` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`rate` int NOT NULL,
	`name` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`updated_by` varchar(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `tax_rates_id` PRIMARY KEY(`id`),
	CONSTRAINT `tax_rates_destination_idx` UNIQUE(`country`,`region`,`tax_class`)
);
--> statement-breakpoint
ALTER TABLE `listings` ADD `list_price_amount` bigint;--> statement-breakpoint
ALTER TABLE `listings` ADD `price_changes_at` bigint;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `discounts` json DEFAULT ('[]') NOT NULL;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `discount_total` bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `order_refunds` ADD `tax` bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `discount_total` bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `seller_funded_discount` bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `tax_lines` json DEFAULT ('[]') NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `tax_country` varchar(2) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `seller_orders` ADD `discount_total` bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `seller_orders` ADD `seller_funded_discount` bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `seller_orders` ADD `tax` bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `seller_orders` ADD `tax_lines` json DEFAULT ('[]') NOT NULL;--> statement-breakpoint
CREATE INDEX `listing_sale_prices_listing_idx` ON `listing_sale_prices` (`listing_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `promotion_redemptions_buyer_idx` ON `promotion_redemptions` (`promotion_id`,`buyer_id`,`state`);--> statement-breakpoint
CREATE INDEX `promotions_seller_idx` ON `promotions` (`seller_id`,`status`);--> statement-breakpoint
CREATE INDEX `promotions_status_idx` ON `promotions` (`status`,`valid_from`);--> statement-breakpoint
CREATE INDEX `listings_price_changes_idx` ON `listings` (`price_changes_at`);