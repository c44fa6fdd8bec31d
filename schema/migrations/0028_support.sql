CREATE TABLE `support_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`ticket_id` text NOT NULL,
	`message_id` text,
	`uploader_id` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`bytes` integer NOT NULL,
	`key` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `support_attachments_ticket_idx` ON `support_attachments` (`ticket_id`,`message_id`);--> statement-breakpoint
CREATE TABLE `support_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`ticket_id` text NOT NULL,
	`author_role` text NOT NULL,
	`author_id` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `support_messages_ticket_idx` ON `support_messages` (`ticket_id`,`id`);--> statement-breakpoint
CREATE TABLE `support_ticket_history` (
	`id` text PRIMARY KEY NOT NULL,
	`ticket_id` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`note` text,
	`request_id` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `support_ticket_history_ticket_idx` ON `support_ticket_history` (`ticket_id`,`at`);--> statement-breakpoint
CREATE TABLE `support_tickets` (
	`id` text PRIMARY KEY NOT NULL,
	`buyer_id` text NOT NULL,
	`seller_id` text,
	`seller_order_id` text,
	`category` text NOT NULL,
	`subject` text NOT NULL,
	`status` text NOT NULL,
	`seller_reply_due_at` integer,
	`first_seller_reply_at` integer,
	`escalated_at` integer,
	`resolved_at` integer,
	`feedback_rating` integer,
	`feedback_comment` text,
	`feedback_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `support_tickets_buyer_idx` ON `support_tickets` (`buyer_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `support_tickets_seller_idx` ON `support_tickets` (`seller_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `support_tickets_status_idx` ON `support_tickets` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `support_tickets_reply_due_idx` ON `support_tickets` (`status`,`seller_reply_due_at`);