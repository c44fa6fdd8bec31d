CREATE TABLE `return_history` (
	`id` text PRIMARY KEY NOT NULL,
	`return_id` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`actor` text NOT NULL,
	`note` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `return_history_return_idx` ON `return_history` (`return_id`,`at`);--> statement-breakpoint
CREATE TABLE `return_lines` (
	`return_id` text NOT NULL,
	`line_id` text NOT NULL,
	`quantity` integer NOT NULL,
	PRIMARY KEY(`return_id`, `line_id`)
);
--> statement-breakpoint
CREATE INDEX `return_lines_line_idx` ON `return_lines` (`line_id`);--> statement-breakpoint
CREATE TABLE `returns` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`seller_order_id` text NOT NULL,
	`buyer_id` text NOT NULL,
	`seller_id` text NOT NULL,
	`status` text NOT NULL,
	`reason` text NOT NULL,
	`comment` text,
	`decision_note` text,
	`decided_by` text,
	`restock` integer DEFAULT false NOT NULL,
	`carrier` text,
	`tracking_number` text,
	`refund_id` text,
	`respond_by` integer NOT NULL,
	`escalated_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `returns_order_idx` ON `returns` (`order_id`);--> statement-breakpoint
CREATE INDEX `returns_seller_order_idx` ON `returns` (`seller_order_id`);--> statement-breakpoint
CREATE INDEX `returns_seller_idx` ON `returns` (`seller_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `returns_escalation_idx` ON `returns` (`status`,`respond_by`);--> statement-breakpoint
CREATE TABLE `disputes` (
	`id` text PRIMARY KEY NOT NULL,
	`payment_id` text NOT NULL,
	`order_id` text NOT NULL,
	`provider` text NOT NULL,
	`provider_dispute_id` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`reason` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`closed_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `disputes_provider_idx` ON `disputes` (`provider`,`provider_dispute_id`);--> statement-breakpoint
CREATE INDEX `disputes_order_idx` ON `disputes` (`order_id`);--> statement-breakpoint
CREATE TABLE `simulated_provider_records` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`parent_id` text,
	`idempotency_key` text,
	`amount` integer DEFAULT 0 NOT NULL,
	`currency` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`transfer_group` text,
	`metadata` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `simulated_provider_records_key_idx` ON `simulated_provider_records` (`kind`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `simulated_provider_records_kind_idx` ON `simulated_provider_records` (`kind`,`created_at`);--> statement-breakpoint
CREATE INDEX `simulated_provider_records_parent_idx` ON `simulated_provider_records` (`parent_id`);--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`journal_id` text NOT NULL,
	`seller_id` text NOT NULL,
	`account` text NOT NULL,
	`kind` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`order_id` text,
	`seller_order_id` text,
	`reference` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_entries_journal_idx` ON `ledger_entries` (`journal_id`,`account`);--> statement-breakpoint
CREATE INDEX `ledger_entries_seller_idx` ON `ledger_entries` (`seller_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `ledger_entries_seller_order_idx` ON `ledger_entries` (`seller_order_id`);--> statement-breakpoint
CREATE TABLE `payout_accounts` (
	`seller_id` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`provider_account_id` text NOT NULL,
	`payouts_enabled` integer DEFAULT false NOT NULL,
	`details_submitted` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payout_accounts_provider_idx` ON `payout_accounts` (`provider`,`provider_account_id`);--> statement-breakpoint
CREATE TABLE `transfer_reversals` (
	`id` text PRIMARY KEY NOT NULL,
	`transfer_id` text NOT NULL,
	`seller_id` text NOT NULL,
	`reference` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`provider_reversal_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `transfer_reversals_reference_idx` ON `transfer_reversals` (`transfer_id`,`reference`);--> statement-breakpoint
CREATE INDEX `transfer_reversals_seller_idx` ON `transfer_reversals` (`seller_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `transfers` (
	`id` text PRIMARY KEY NOT NULL,
	`seller_id` text NOT NULL,
	`seller_order_id` text NOT NULL,
	`order_id` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`provider_transfer_id` text,
	`reversed_amount` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `transfers_seller_order_idx` ON `transfers` (`seller_order_id`);--> statement-breakpoint
CREATE INDEX `transfers_seller_idx` ON `transfers` (`seller_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `transfers_status_idx` ON `transfers` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `seller_locations` (
	`id` text PRIMARY KEY NOT NULL,
	`seller_id` text NOT NULL,
	`name` text NOT NULL,
	`country` text NOT NULL,
	`address` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `seller_locations_seller_idx` ON `seller_locations` (`seller_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `listings` ADD `location_id` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `completed_at` integer;--> statement-breakpoint
ALTER TABLE `seller_orders` ADD `delivered_at` integer;--> statement-breakpoint
ALTER TABLE `seller_orders` ADD `return_window_ends_at` integer;--> statement-breakpoint
ALTER TABLE `seller_orders` ADD `completed_at` integer;--> statement-breakpoint
CREATE INDEX `seller_orders_completion_idx` ON `seller_orders` (`status`,`return_window_ends_at`);--> statement-breakpoint
ALTER TABLE `reconciliation_findings` ADD `seller_id` text;--> statement-breakpoint
ALTER TABLE `reconciliation_findings` ADD `repair` text;--> statement-breakpoint
ALTER TABLE `reconciliation_findings` ADD `repaired_at` integer;--> statement-breakpoint
ALTER TABLE `reconciliation_runs` ADD `provider_records_checked` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sellers` ADD `return_window_days` integer DEFAULT 14 NOT NULL;