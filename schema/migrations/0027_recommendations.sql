CREATE TABLE `insights_edition_purchases` (
	`order_id` text NOT NULL,
	`isbn13` text NOT NULL,
	`buyer_id` text NOT NULL,
	`day` text NOT NULL,
	`quantity` integer NOT NULL,
	PRIMARY KEY(`order_id`, `isbn13`)
);
--> statement-breakpoint
CREATE INDEX `insights_edition_purchases_buyer_idx` ON `insights_edition_purchases` (`buyer_id`);--> statement-breakpoint
CREATE TABLE `insights_edition_recommendations` (
	`isbn13` text NOT NULL,
	`kind` text NOT NULL,
	`rank` integer NOT NULL,
	`recommended_isbn13` text NOT NULL,
	`score` integer NOT NULL,
	`built_at` integer NOT NULL,
	PRIMARY KEY(`isbn13`, `kind`, `rank`)
);
--> statement-breakpoint
CREATE TABLE `insights_edition_viewers` (
	`viewer_key` text NOT NULL,
	`isbn13` text NOT NULL,
	`day` text NOT NULL,
	`user_id` text,
	PRIMARY KEY(`viewer_key`, `isbn13`, `day`)
);
--> statement-breakpoint
CREATE INDEX `insights_edition_viewers_user_idx` ON `insights_edition_viewers` (`user_id`);