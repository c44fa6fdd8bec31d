CREATE TABLE `insights_edition_purchases` (
	`order_id` text NOT NULL,
	`edition_id` text NOT NULL,
	`buyer_id` text NOT NULL,
	`day` text NOT NULL,
	`quantity` integer NOT NULL,
	PRIMARY KEY(`order_id`, `edition_id`)
);
--> statement-breakpoint
CREATE INDEX `insights_edition_purchases_buyer_idx` ON `insights_edition_purchases` (`buyer_id`);--> statement-breakpoint
CREATE TABLE `insights_edition_recommendations` (
	`edition_id` text NOT NULL,
	`kind` text NOT NULL,
	`rank` integer NOT NULL,
	`recommended_edition_id` text NOT NULL,
	`score` integer NOT NULL,
	`built_at` integer NOT NULL,
	PRIMARY KEY(`edition_id`, `kind`, `rank`)
);
--> statement-breakpoint
CREATE TABLE `insights_edition_viewers` (
	`viewer_key` text NOT NULL,
	`edition_id` text NOT NULL,
	`day` text NOT NULL,
	`user_id` text,
	PRIMARY KEY(`viewer_key`, `edition_id`, `day`)
);
--> statement-breakpoint
CREATE INDEX `insights_edition_viewers_user_idx` ON `insights_edition_viewers` (`user_id`);