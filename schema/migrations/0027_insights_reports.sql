CREATE TABLE `edition_funnel_days` (
	`edition_id` text NOT NULL,
	`day` text NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	`cart_adds` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`edition_id`, `day`)
);
--> statement-breakpoint
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
