CREATE TABLE `deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`template` text NOT NULL,
	`to` text NOT NULL,
	`provider` text NOT NULL,
	`provider_message_id` text,
	`sent_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `deliveries_event_idx` ON `deliveries` (`event_id`);--> statement-breakpoint
CREATE TABLE `dev_mailbox` (
	`id` text PRIMARY KEY NOT NULL,
	`to` text NOT NULL,
	`from` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text,
	`template` text NOT NULL,
	`sent_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `dev_mailbox_to_idx` ON `dev_mailbox` (`to`,`sent_at`);--> statement-breakpoint
CREATE TABLE `dead_letters` (
	`id` text PRIMARY KEY NOT NULL,
	`queue` text NOT NULL,
	`message_id` text NOT NULL,
	`event_id` text,
	`event_type` text,
	`body` text NOT NULL,
	`attempts` integer NOT NULL,
	`reason` text NOT NULL,
	`received_at` integer NOT NULL,
	`replayed_at` integer,
	`replay_count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dead_letters_message_idx` ON `dead_letters` (`queue`,`message_id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`event_id` text NOT NULL,
	`queue` text NOT NULL,
	`type` text NOT NULL,
	`envelope` text NOT NULL,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	PRIMARY KEY(`event_id`, `queue`)
);
--> statement-breakpoint
CREATE INDEX `outbox_unsent_idx` ON `outbox` (`created_at`) WHERE sent_at IS NULL;--> statement-breakpoint
CREATE TABLE `processed_events` (
	`consumer` text NOT NULL,
	`event_id` text NOT NULL,
	`processed_at` integer NOT NULL,
	PRIMARY KEY(`consumer`, `event_id`)
);
