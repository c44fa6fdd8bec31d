CREATE TABLE `comments` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`subject_type` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`subject_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`parent_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`path` varchar(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`depth` int NOT NULL,
	`author_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`author_name` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`body` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`status` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`reply_count` int NOT NULL DEFAULT 0,
	`deleted_at` bigint,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `comments_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `content_reports` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`target_type` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`target_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`reporter_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`reason` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `content_reports_id` PRIMARY KEY(`id`),
	CONSTRAINT `content_reports_target_reporter_idx` UNIQUE(`target_type`,`target_id`,`reporter_id`)
);
--> statement-breakpoint
CREATE TABLE `moderation_items` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`target_type` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`target_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`author_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`status` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`cause` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`flags` json NOT NULL,
	`report_count` int NOT NULL DEFAULT 0,
	`decided_by` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`decision_note` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`decided_at` bigint,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `moderation_items_id` PRIMARY KEY(`id`),
	CONSTRAINT `moderation_items_target_idx` UNIQUE(`target_type`,`target_id`)
);
--> statement-breakpoint
CREATE TABLE `rating_recomputes` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`works_checked` int NOT NULL,
	`works_corrected` int NOT NULL,
	`sellers_checked` int NOT NULL,
	`sellers_corrected` int NOT NULL,
	`ran_at` bigint NOT NULL,
	CONSTRAINT `rating_recomputes_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `review_votes` (
	`review_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`voter_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`helpful` boolean NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `review_votes_review_id_voter_id_pk` PRIMARY KEY(`review_id`,`voter_id`)
);
--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`work_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`edition_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`isbn13` varchar(13) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`author_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`author_name` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`rating` int NOT NULL,
	`title` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`body` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`verified` boolean NOT NULL DEFAULT false,
	`sentiment` int NOT NULL DEFAULT 0,
	`status` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`helpful_count` int NOT NULL DEFAULT 0,
	`unhelpful_count` int NOT NULL DEFAULT 0,
	`comment_count` int NOT NULL DEFAULT 0,
	`revision` int NOT NULL DEFAULT 1,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `reviews_id` PRIMARY KEY(`id`),
	CONSTRAINT `reviews_author_work_idx` UNIQUE(`author_id`,`work_id`)
);
--> statement-breakpoint
CREATE TABLE `seller_reviews` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`seller_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`seller_order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`buyer_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`author_name` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`rating` int NOT NULL,
	`comment` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`sentiment` int NOT NULL DEFAULT 0,
	`status` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `seller_reviews_id` PRIMARY KEY(`id`),
	CONSTRAINT `seller_reviews_seller_order_idx` UNIQUE(`seller_order_id`)
);
--> statement-breakpoint
CREATE TABLE `thread_follows` (
	`thread_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`user_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `thread_follows_thread_id_user_id_pk` PRIMARY KEY(`thread_id`,`user_id`)
);
--> statement-breakpoint
CREATE TABLE `threads` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`work_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`edition_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`isbn13` varchar(13) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`author_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`author_name` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`title` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`body` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`status` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`comment_count` int NOT NULL DEFAULT 0,
	`deleted_at` bigint,
	`last_activity_at` bigint NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `threads_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `works` ADD `stars_1` int DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `works` ADD `stars_2` int DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `works` ADD `stars_3` int DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `works` ADD `stars_4` int DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `works` ADD `stars_5` int DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sellers` ADD `rating_count` int DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sellers` ADD `rating_total` int DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `comments_subject_path_idx` ON `comments` (`subject_type`,`subject_id`,`path`);--> statement-breakpoint
CREATE INDEX `comments_parent_idx` ON `comments` (`parent_id`);--> statement-breakpoint
CREATE INDEX `comments_author_idx` ON `comments` (`author_id`);--> statement-breakpoint
CREATE INDEX `moderation_items_status_idx` ON `moderation_items` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `reviews_work_newest_idx` ON `reviews` (`work_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `reviews_work_helpful_idx` ON `reviews` (`work_id`,`status`,`helpful_count`);--> statement-breakpoint
CREATE INDEX `reviews_work_rating_idx` ON `reviews` (`work_id`,`status`,`rating`);--> statement-breakpoint
CREATE INDEX `seller_reviews_seller_idx` ON `seller_reviews` (`seller_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `seller_reviews_buyer_idx` ON `seller_reviews` (`buyer_id`);--> statement-breakpoint
CREATE INDEX `thread_follows_user_idx` ON `thread_follows` (`user_id`);--> statement-breakpoint
CREATE INDEX `threads_work_activity_idx` ON `threads` (`work_id`,`status`,`last_activity_at`);--> statement-breakpoint
CREATE INDEX `threads_author_idx` ON `threads` (`author_id`);