CREATE TABLE `book_alerts` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`user_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`edition_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`isbn13` varchar(13) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`kind` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`price_amount` bigint,
	`currency` varchar(3) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`condition` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`created_at` bigint NOT NULL,
	`fired_at` bigint,
	`fired_listing_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	CONSTRAINT `book_alerts_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `cart_reminders` (
	`cart_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`user_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`contents_key` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`changed_at` bigint NOT NULL,
	`due_at` bigint,
	`reminded_key` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`reminded_at` bigint,
	CONSTRAINT `cart_reminders_cart_id` PRIMARY KEY(`cart_id`)
);
--> statement-breakpoint
CREATE TABLE `dev_messages` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`channel` varchar(8) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`to` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`body` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`sent_at` bigint NOT NULL,
	CONSTRAINT `dev_messages_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`user_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`choices` json NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `notification_preferences_user_id` PRIMARY KEY(`user_id`)
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`user_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`source_key` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`kind` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`category` varchar(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`title` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`body` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`link` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`data` json NOT NULL,
	`created_at` bigint NOT NULL,
	`read_at` bigint,
	CONSTRAINT `notifications_id` PRIMARY KEY(`id`),
	CONSTRAINT `notifications_source_idx` UNIQUE(`user_id`,`source_key`)
);
--> statement-breakpoint
CREATE TABLE `phone_numbers` (
	`user_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`phone` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`verified_at` bigint,
	`code_hash` varchar(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`code_expires_at` bigint,
	`attempts` int NOT NULL DEFAULT 0,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `phone_numbers_user_id` PRIMARY KEY(`user_id`)
);
--> statement-breakpoint
CREATE TABLE `push_subscriptions` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`user_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`endpoint_hash` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`endpoint` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`p256dh` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`auth` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`user_agent` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`created_at` bigint NOT NULL,
	`last_used_at` bigint,
	CONSTRAINT `push_subscriptions_id` PRIMARY KEY(`id`),
	CONSTRAINT `push_subscriptions_endpoint_idx` UNIQUE(`endpoint_hash`)
);
--> statement-breakpoint
ALTER TABLE `deliveries` MODIFY COLUMN `provider` varchar(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;--> statement-breakpoint
ALTER TABLE `deliveries` MODIFY COLUMN `sent_at` bigint;--> statement-breakpoint
ALTER TABLE `users` ADD `locale` varchar(8) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `user_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `category` varchar(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `channel` varchar(8) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT 'email' NOT NULL;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `status` varchar(8) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT 'sent' NOT NULL;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `message` json;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `attempts` int DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `last_error` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `queued_at` bigint;--> statement-breakpoint
ALTER TABLE `dev_mailbox` ADD `headers` json;--> statement-breakpoint
CREATE INDEX `book_alerts_edition_idx` ON `book_alerts` (`edition_id`,`fired_at`);--> statement-breakpoint
CREATE INDEX `book_alerts_user_idx` ON `book_alerts` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `cart_reminders_due_idx` ON `cart_reminders` (`due_at`);--> statement-breakpoint
CREATE INDEX `cart_reminders_user_idx` ON `cart_reminders` (`user_id`);--> statement-breakpoint
CREATE INDEX `dev_messages_to_idx` ON `dev_messages` (`channel`,`to`,`sent_at`);--> statement-breakpoint
CREATE INDEX `notifications_feed_idx` ON `notifications` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `notifications_unread_idx` ON `notifications` (`user_id`,`read_at`);--> statement-breakpoint
CREATE INDEX `push_subscriptions_user_idx` ON `push_subscriptions` (`user_id`);--> statement-breakpoint
CREATE INDEX `deliveries_user_idx` ON `deliveries` (`user_id`,`queued_at`);