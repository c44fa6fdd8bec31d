CREATE TABLE `edition_views` (
	`edition_id` text NOT NULL,
	`day` text NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`edition_id`, `day`)
);
