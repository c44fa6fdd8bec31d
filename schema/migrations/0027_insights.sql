CREATE TABLE `edition_funnel_days` (
	`edition_id` text NOT NULL,
	`day` text NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	`cart_adds` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`edition_id`, `day`)
);
--> statement-breakpoint
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
CREATE INDEX `insights_edition_viewers_user_idx` ON `insights_edition_viewers` (`user_id`);--> statement-breakpoint
CREATE TABLE `weekly_reports` (
	`week` text PRIMARY KEY NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`figures` text NOT NULL,
	`built_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `weekly_seller_reports` (
	`week` text NOT NULL,
	`seller_id` text NOT NULL,
	`rank` integer NOT NULL,
	`figures` text NOT NULL,
	PRIMARY KEY(`week`, `seller_id`)
);
