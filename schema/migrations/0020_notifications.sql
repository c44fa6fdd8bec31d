CREATE TABLE `book_alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`edition_id` text NOT NULL,
	`isbn13` text NOT NULL,
	`kind` text NOT NULL,
	`price_amount` integer,
	`currency` text,
	`condition` text,
	`created_at` integer NOT NULL,
	`fired_at` integer,
	`fired_listing_id` text
);
--> statement-breakpoint
CREATE INDEX `book_alerts_edition_idx` ON `book_alerts` (`edition_id`,`fired_at`);--> statement-breakpoint
CREATE INDEX `book_alerts_user_idx` ON `book_alerts` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `cart_reminders` (
	`cart_id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`contents_key` text NOT NULL,
	`changed_at` integer NOT NULL,
	`due_at` integer,
	`reminded_key` text,
	`reminded_at` integer
);
--> statement-breakpoint
CREATE INDEX `cart_reminders_due_idx` ON `cart_reminders` (`due_at`);--> statement-breakpoint
CREATE INDEX `cart_reminders_user_idx` ON `cart_reminders` (`user_id`);--> statement-breakpoint
CREATE TABLE `dev_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`channel` text NOT NULL,
	`to` text NOT NULL,
	`body` text NOT NULL,
	`sent_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `dev_messages_to_idx` ON `dev_messages` (`channel`,`to`,`sent_at`);--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`user_id` text PRIMARY KEY NOT NULL,
	`choices` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`source_key` text NOT NULL,
	`kind` text NOT NULL,
	`category` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`link` text,
	`data` text NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_source_idx` ON `notifications` (`user_id`,`source_key`);--> statement-breakpoint
CREATE INDEX `notifications_feed_idx` ON `notifications` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `notifications_unread_idx` ON `notifications` (`user_id`,`read_at`);--> statement-breakpoint
CREATE TABLE `phone_numbers` (
	`user_id` text PRIMARY KEY NOT NULL,
	`phone` text NOT NULL,
	`verified_at` integer,
	`code_hash` text,
	`code_expires_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `push_subscriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`endpoint_hash` text NOT NULL,
	`endpoint` text NOT NULL,
	`p256dh` text NOT NULL,
	`auth` text NOT NULL,
	`user_agent` text,
	`created_at` integer NOT NULL,
	`last_used_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `push_subscriptions_endpoint_idx` ON `push_subscriptions` (`endpoint_hash`);--> statement-breakpoint
CREATE INDEX `push_subscriptions_user_idx` ON `push_subscriptions` (`user_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`template` text NOT NULL,
	`user_id` text,
	`category` text,
	`channel` text DEFAULT 'email' NOT NULL,
	`status` text DEFAULT 'sent' NOT NULL,
	`to` text NOT NULL,
	`message` text,
	`attempts` integer DEFAULT 1 NOT NULL,
	`last_error` text,
	`provider` text,
	`provider_message_id` text,
	`queued_at` integer,
	`sent_at` integer
);
--> statement-breakpoint
INSERT INTO `__new_deliveries`("id", "event_id", "template", "to", "provider", "provider_message_id", "queued_at", "sent_at") SELECT "id", "event_id", "template", "to", "provider", "provider_message_id", "sent_at", "sent_at" FROM `deliveries`;--> statement-breakpoint
DROP TABLE `deliveries`;--> statement-breakpoint
ALTER TABLE `__new_deliveries` RENAME TO `deliveries`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `deliveries_event_idx` ON `deliveries` (`event_id`);--> statement-breakpoint
CREATE INDEX `deliveries_user_idx` ON `deliveries` (`user_id`,`queued_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `locale` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `dev_mailbox` ADD `headers` text;