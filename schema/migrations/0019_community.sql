CREATE TABLE `comments` (
	`id` text PRIMARY KEY NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`parent_id` text,
	`path` text NOT NULL,
	`depth` integer NOT NULL,
	`author_id` text NOT NULL,
	`author_name` text NOT NULL,
	`body` text NOT NULL,
	`status` text NOT NULL,
	`reply_count` integer DEFAULT 0 NOT NULL,
	`deleted_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `comments_subject_path_idx` ON `comments` (`subject_type`,`subject_id`,`path`);--> statement-breakpoint
CREATE INDEX `comments_parent_idx` ON `comments` (`parent_id`);--> statement-breakpoint
CREATE INDEX `comments_author_idx` ON `comments` (`author_id`);--> statement-breakpoint
CREATE TABLE `content_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`reporter_id` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `content_reports_target_reporter_idx` ON `content_reports` (`target_type`,`target_id`,`reporter_id`);--> statement-breakpoint
CREATE TABLE `moderation_items` (
	`id` text PRIMARY KEY NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`author_id` text NOT NULL,
	`status` text NOT NULL,
	`cause` text NOT NULL,
	`flags` text NOT NULL,
	`report_count` integer DEFAULT 0 NOT NULL,
	`decided_by` text,
	`decision_note` text,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `moderation_items_target_idx` ON `moderation_items` (`target_type`,`target_id`);--> statement-breakpoint
CREATE INDEX `moderation_items_status_idx` ON `moderation_items` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `rating_recomputes` (
	`id` text PRIMARY KEY NOT NULL,
	`works_checked` integer NOT NULL,
	`works_corrected` integer NOT NULL,
	`sellers_checked` integer NOT NULL,
	`sellers_corrected` integer NOT NULL,
	`ran_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `review_votes` (
	`review_id` text NOT NULL,
	`voter_id` text NOT NULL,
	`helpful` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`review_id`, `voter_id`)
);
--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`work_id` text NOT NULL,
	`edition_id` text NOT NULL,
	`isbn13` text NOT NULL,
	`author_id` text NOT NULL,
	`author_name` text NOT NULL,
	`rating` integer NOT NULL,
	`title` text,
	`body` text NOT NULL,
	`verified` integer DEFAULT false NOT NULL,
	`sentiment` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`helpful_count` integer DEFAULT 0 NOT NULL,
	`unhelpful_count` integer DEFAULT 0 NOT NULL,
	`comment_count` integer DEFAULT 0 NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_author_work_idx` ON `reviews` (`author_id`,`work_id`);--> statement-breakpoint
CREATE INDEX `reviews_work_newest_idx` ON `reviews` (`work_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `reviews_work_helpful_idx` ON `reviews` (`work_id`,`status`,`helpful_count`);--> statement-breakpoint
CREATE INDEX `reviews_work_rating_idx` ON `reviews` (`work_id`,`status`,`rating`);--> statement-breakpoint
CREATE TABLE `seller_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`seller_id` text NOT NULL,
	`seller_order_id` text NOT NULL,
	`buyer_id` text NOT NULL,
	`author_name` text NOT NULL,
	`rating` integer NOT NULL,
	`comment` text,
	`sentiment` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `seller_reviews_seller_order_idx` ON `seller_reviews` (`seller_order_id`);--> statement-breakpoint
CREATE INDEX `seller_reviews_seller_idx` ON `seller_reviews` (`seller_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `seller_reviews_buyer_idx` ON `seller_reviews` (`buyer_id`);--> statement-breakpoint
CREATE TABLE `thread_follows` (
	`thread_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`thread_id`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `thread_follows_user_idx` ON `thread_follows` (`user_id`);--> statement-breakpoint
CREATE TABLE `threads` (
	`id` text PRIMARY KEY NOT NULL,
	`work_id` text NOT NULL,
	`edition_id` text NOT NULL,
	`isbn13` text NOT NULL,
	`author_id` text NOT NULL,
	`author_name` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`status` text NOT NULL,
	`comment_count` integer DEFAULT 0 NOT NULL,
	`deleted_at` integer,
	`last_activity_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `threads_work_activity_idx` ON `threads` (`work_id`,`status`,`last_activity_at`);--> statement-breakpoint
CREATE INDEX `threads_author_idx` ON `threads` (`author_id`);--> statement-breakpoint
ALTER TABLE `works` ADD `stars_1` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `works` ADD `stars_2` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `works` ADD `stars_3` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `works` ADD `stars_4` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `works` ADD `stars_5` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sellers` ADD `rating_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sellers` ADD `rating_total` integer DEFAULT 0 NOT NULL;