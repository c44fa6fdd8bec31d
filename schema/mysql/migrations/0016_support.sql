CREATE TABLE `support_attachments` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`ticket_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`message_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`uploader_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`file_name` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`content_type` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`bytes` int NOT NULL,
	`key` varchar(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `support_attachments_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `support_messages` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`ticket_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`author_role` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`author_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`body` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `support_messages_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `support_ticket_history` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`ticket_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`actor` varchar(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`action` varchar(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`from_status` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`to_status` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`note` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`request_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`at` bigint NOT NULL,
	CONSTRAINT `support_ticket_history_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `support_tickets` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`buyer_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`seller_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`seller_order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`category` varchar(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`subject` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`status` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`seller_reply_due_at` bigint,
	`first_seller_reply_at` bigint,
	`escalated_at` bigint,
	`resolved_at` bigint,
	`feedback_rating` int,
	`feedback_comment` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`feedback_at` bigint,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `support_tickets_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `support_attachments_ticket_idx` ON `support_attachments` (`ticket_id`,`message_id`);--> statement-breakpoint
CREATE INDEX `support_messages_ticket_idx` ON `support_messages` (`ticket_id`,`id`);--> statement-breakpoint
CREATE INDEX `support_ticket_history_ticket_idx` ON `support_ticket_history` (`ticket_id`,`at`);--> statement-breakpoint
CREATE INDEX `support_tickets_buyer_idx` ON `support_tickets` (`buyer_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `support_tickets_seller_idx` ON `support_tickets` (`seller_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `support_tickets_status_idx` ON `support_tickets` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `support_tickets_reply_due_idx` ON `support_tickets` (`status`,`seller_reply_due_at`);