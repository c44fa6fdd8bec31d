CREATE TABLE `return_history` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`return_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`from_status` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`to_status` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`actor` varchar(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`note` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`at` bigint NOT NULL,
	CONSTRAINT `return_history_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `return_lines` (
	`return_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`line_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`quantity` int NOT NULL,
	CONSTRAINT `return_lines_return_id_line_id_pk` PRIMARY KEY(`return_id`,`line_id`)
);
--> statement-breakpoint
CREATE TABLE `returns` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`seller_order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`buyer_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`seller_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`status` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`reason` varchar(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`comment` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`decision_note` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`decided_by` varchar(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`restock` boolean NOT NULL DEFAULT false,
	`carrier` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`tracking_number` varchar(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`refund_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`respond_by` bigint NOT NULL,
	`escalated_at` bigint,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `returns_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `disputes` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`payment_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`provider` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`provider_dispute_id` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`amount` bigint NOT NULL,
	`currency` varchar(3) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`reason` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`status` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`created_at` bigint NOT NULL,
	`closed_at` bigint,
	CONSTRAINT `disputes_id` PRIMARY KEY(`id`),
	CONSTRAINT `disputes_provider_idx` UNIQUE(`provider`,`provider_dispute_id`)
);
--> statement-breakpoint
CREATE TABLE `simulated_provider_records` (
	`id` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`kind` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`parent_id` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`idempotency_key` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`amount` bigint NOT NULL DEFAULT 0,
	`currency` varchar(3) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL DEFAULT '',
	`status` varchar(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`transfer_group` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`metadata` json NOT NULL DEFAULT ('{}'),
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `simulated_provider_records_id` PRIMARY KEY(`id`),
	CONSTRAINT `simulated_provider_records_key_idx` UNIQUE(`kind`,`idempotency_key`)
);
--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`journal_id` varchar(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`seller_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`account` varchar(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`kind` varchar(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`amount` bigint NOT NULL,
	`currency` varchar(3) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`seller_order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`reference` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`created_at` bigint NOT NULL,
	CONSTRAINT `ledger_entries_id` PRIMARY KEY(`id`),
	CONSTRAINT `ledger_entries_journal_idx` UNIQUE(`journal_id`,`account`)
);
--> statement-breakpoint
CREATE TABLE `payout_accounts` (
	`seller_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`provider` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`provider_account_id` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`payouts_enabled` boolean NOT NULL DEFAULT false,
	`details_submitted` boolean NOT NULL DEFAULT false,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `payout_accounts_seller_id` PRIMARY KEY(`seller_id`),
	CONSTRAINT `payout_accounts_provider_idx` UNIQUE(`provider`,`provider_account_id`)
);
--> statement-breakpoint
CREATE TABLE `transfer_reversals` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`transfer_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`seller_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`reference` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`amount` bigint NOT NULL,
	`currency` varchar(3) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`status` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`provider_reversal_id` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`created_at` bigint NOT NULL,
	CONSTRAINT `transfer_reversals_id` PRIMARY KEY(`id`),
	CONSTRAINT `transfer_reversals_reference_idx` UNIQUE(`transfer_id`,`reference`)
);
--> statement-breakpoint
CREATE TABLE `transfers` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`seller_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`seller_order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`amount` bigint NOT NULL,
	`currency` varchar(3) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`status` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`provider_transfer_id` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`reversed_amount` bigint NOT NULL DEFAULT 0,
	`created_at` bigint NOT NULL,
	`sent_at` bigint,
	CONSTRAINT `transfers_id` PRIMARY KEY(`id`),
	CONSTRAINT `transfers_seller_order_idx` UNIQUE(`seller_order_id`)
);
--> statement-breakpoint
CREATE TABLE `seller_locations` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`seller_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`name` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`country` varchar(2) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`address` json NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `seller_locations_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `listings` ADD `location_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;--> statement-breakpoint
ALTER TABLE `orders` ADD `completed_at` bigint;--> statement-breakpoint
ALTER TABLE `seller_orders` ADD `delivered_at` bigint;--> statement-breakpoint
ALTER TABLE `seller_orders` ADD `return_window_ends_at` bigint;--> statement-breakpoint
ALTER TABLE `seller_orders` ADD `completed_at` bigint;--> statement-breakpoint
ALTER TABLE `reconciliation_findings` ADD `seller_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;--> statement-breakpoint
ALTER TABLE `reconciliation_findings` ADD `repair` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;--> statement-breakpoint
ALTER TABLE `reconciliation_findings` ADD `repaired_at` bigint;--> statement-breakpoint
ALTER TABLE `reconciliation_runs` ADD `provider_records_checked` int DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sellers` ADD `return_window_days` int DEFAULT 14 NOT NULL;--> statement-breakpoint
CREATE INDEX `return_history_return_idx` ON `return_history` (`return_id`,`at`);--> statement-breakpoint
CREATE INDEX `return_lines_line_idx` ON `return_lines` (`line_id`);--> statement-breakpoint
CREATE INDEX `returns_order_idx` ON `returns` (`order_id`);--> statement-breakpoint
CREATE INDEX `returns_seller_order_idx` ON `returns` (`seller_order_id`);--> statement-breakpoint
CREATE INDEX `returns_seller_idx` ON `returns` (`seller_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `returns_escalation_idx` ON `returns` (`status`,`respond_by`);--> statement-breakpoint
CREATE INDEX `disputes_order_idx` ON `disputes` (`order_id`);--> statement-breakpoint
CREATE INDEX `simulated_provider_records_kind_idx` ON `simulated_provider_records` (`kind`,`created_at`);--> statement-breakpoint
CREATE INDEX `simulated_provider_records_parent_idx` ON `simulated_provider_records` (`parent_id`);--> statement-breakpoint
CREATE INDEX `ledger_entries_seller_idx` ON `ledger_entries` (`seller_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `ledger_entries_seller_order_idx` ON `ledger_entries` (`seller_order_id`);--> statement-breakpoint
CREATE INDEX `transfer_reversals_seller_idx` ON `transfer_reversals` (`seller_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `transfers_seller_idx` ON `transfers` (`seller_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `transfers_status_idx` ON `transfers` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `seller_locations_seller_idx` ON `seller_locations` (`seller_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `seller_orders_completion_idx` ON `seller_orders` (`status`,`return_window_ends_at`);