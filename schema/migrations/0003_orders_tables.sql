CREATE TABLE `order_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`seller_order_id` text NOT NULL,
	`listing_id` text NOT NULL,
	`reservation_id` text NOT NULL,
	`title` text NOT NULL,
	`isbn13` text NOT NULL,
	`condition` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`cover_option_id` text,
	`cover_name` text,
	`cover_price` integer DEFAULT 0 NOT NULL,
	`inscription` text,
	`line_total` integer NOT NULL,
	`refunded_amount` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `order_lines_order_idx` ON `order_lines` (`order_id`);--> statement-breakpoint
CREATE INDEX `order_lines_seller_order_idx` ON `order_lines` (`seller_order_id`);--> statement-breakpoint
CREATE TABLE `order_status_history` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`seller_order_id` text,
	`from_status` text,
	`to_status` text NOT NULL,
	`actor` text NOT NULL,
	`reason` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `order_status_history_order_idx` ON `order_status_history` (`order_id`,`at`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`buyer_id` text NOT NULL,
	`status` text NOT NULL,
	`currency` text NOT NULL,
	`items_total` integer NOT NULL,
	`covers_total` integer NOT NULL,
	`shipping_total` integer NOT NULL,
	`tax` integer DEFAULT 0 NOT NULL,
	`total` integer NOT NULL,
	`refunded_total` integer DEFAULT 0 NOT NULL,
	`shipping_address` text NOT NULL,
	`shipping_method` text NOT NULL,
	`hold_expires_at` integer NOT NULL,
	`cancel_reason` text,
	`paid_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `orders_buyer_idx` ON `orders` (`buyer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_hold_idx` ON `orders` (`status`,`hold_expires_at`);--> statement-breakpoint
CREATE TABLE `seller_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`seller_id` text NOT NULL,
	`status` text NOT NULL,
	`items_total` integer NOT NULL,
	`covers_total` integer NOT NULL,
	`shipping_total` integer NOT NULL,
	`total` integer NOT NULL,
	`refunded_total` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `seller_orders_order_idx` ON `seller_orders` (`order_id`);--> statement-breakpoint
CREATE INDEX `seller_orders_seller_idx` ON `seller_orders` (`seller_id`,`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `shipments` (
	`id` text PRIMARY KEY NOT NULL,
	`seller_order_id` text NOT NULL,
	`order_id` text NOT NULL,
	`carrier` text NOT NULL,
	`tracking_number` text NOT NULL,
	`tracking_url` text,
	`shipped_at` integer NOT NULL,
	`delivered_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_seller_order_idx` ON `shipments` (`seller_order_id`);--> statement-breakpoint
CREATE INDEX `shipments_order_idx` ON `shipments` (`order_id`);--> statement-breakpoint
CREATE TABLE `reconciliation_findings` (
	`id` text PRIMARY KEY NOT NULL,
	`run_at` integer NOT NULL,
	`kind` text NOT NULL,
	`order_id` text,
	`payment_id` text,
	`detail` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reconciliation_findings_run_idx` ON `reconciliation_findings` (`run_at`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`state` text NOT NULL,
	`status` integer,
	`content_type` text,
	`body` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `key`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_keys_expiry_idx` ON `idempotency_keys` (`expires_at`);