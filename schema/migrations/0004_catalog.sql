CREATE TABLE `catalog_import_chunks` (
	`import_id` text NOT NULL,
	`chunk` integer NOT NULL,
	`rows_done` integer NOT NULL,
	`rows_failed` integer NOT NULL,
	`processed_at` integer NOT NULL,
	PRIMARY KEY(`import_id`, `chunk`)
);
--> statement-breakpoint
CREATE TABLE `catalog_import_errors` (
	`import_id` text NOT NULL,
	`row` integer NOT NULL,
	`field` text NOT NULL,
	`message` text NOT NULL,
	PRIMARY KEY(`import_id`, `row`, `field`)
);
--> statement-breakpoint
CREATE TABLE `catalog_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`seller_id` text NOT NULL,
	`rows_total` integer NOT NULL,
	`chunks_total` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `catalog_imports_seller_idx` ON `catalog_imports` (`seller_id`,`id`);--> statement-breakpoint
CREATE TABLE `catalog_versions` (
	`scope` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `categories` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`parent_id` text,
	`position` integer DEFAULT 0 NOT NULL,
	`edition_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_slug_idx` ON `categories` (`slug`);--> statement-breakpoint
CREATE INDEX `categories_parent_idx` ON `categories` (`parent_id`,`position`);--> statement-breakpoint
CREATE TABLE `category_closure` (
	`ancestor_id` text NOT NULL,
	`descendant_id` text NOT NULL,
	`depth` integer NOT NULL,
	PRIMARY KEY(`ancestor_id`, `descendant_id`)
);
--> statement-breakpoint
CREATE INDEX `category_closure_descendant_idx` ON `category_closure` (`descendant_id`);--> statement-breakpoint
CREATE TABLE `cover_options` (
	`id` text PRIMARY KEY NOT NULL,
	`listing_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`price_amount` integer NOT NULL,
	`currency` text NOT NULL,
	`max_length` integer,
	`position` integer DEFAULT 0 NOT NULL,
	`removed_at` integer,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cover_options_listing_idx` ON `cover_options` (`listing_id`,`position`);--> statement-breakpoint
CREATE TABLE `edition_categories` (
	`edition_id` text NOT NULL,
	`category_id` text NOT NULL,
	PRIMARY KEY(`edition_id`, `category_id`)
);
--> statement-breakpoint
CREATE INDEX `edition_categories_category_idx` ON `edition_categories` (`category_id`,`edition_id`);--> statement-breakpoint
CREATE TABLE `editions` (
	`id` text PRIMARY KEY NOT NULL,
	`work_id` text NOT NULL,
	`isbn13` text NOT NULL,
	`title` text NOT NULL,
	`subtitle` text,
	`authors` text NOT NULL,
	`format` text NOT NULL,
	`publisher` text,
	`published_year` integer DEFAULT 0 NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`page_count` integer,
	`description` text,
	`cover_key` text,
	`lowest_price` integer,
	`offer_count` integer DEFAULT 0 NOT NULL,
	`available` integer DEFAULT 0 NOT NULL,
	`conditions` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`doc_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`work_id`) REFERENCES `works`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `editions_isbn13_idx` ON `editions` (`isbn13`);--> statement-breakpoint
CREATE UNIQUE INDEX `editions_doc_idx` ON `editions` (`doc_id`);--> statement-breakpoint
CREATE INDEX `editions_work_idx` ON `editions` (`work_id`);--> statement-breakpoint
CREATE INDEX `editions_price_idx` ON `editions` (`lowest_price`,`id`);--> statement-breakpoint
CREATE INDEX `editions_newest_idx` ON `editions` (`published_year`,`id`);--> statement-breakpoint
CREATE TABLE `listing_photos` (
	`id` text PRIMARY KEY NOT NULL,
	`listing_id` text NOT NULL,
	`key` text NOT NULL,
	`content_type` text NOT NULL,
	`bytes` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `listing_photos_listing_idx` ON `listing_photos` (`listing_id`,`id`);--> statement-breakpoint
CREATE TABLE `listing_price_history` (
	`id` text PRIMARY KEY NOT NULL,
	`listing_id` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`changed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `listing_price_history_listing_idx` ON `listing_price_history` (`listing_id`,`id`);--> statement-breakpoint
CREATE TABLE `listings` (
	`id` text PRIMARY KEY NOT NULL,
	`seller_id` text NOT NULL,
	`edition_id` text NOT NULL,
	`sku` text NOT NULL,
	`condition` text NOT NULL,
	`condition_notes` text,
	`price_amount` integer NOT NULL,
	`currency` text NOT NULL,
	`quantity` integer NOT NULL,
	`available` integer NOT NULL,
	`stock_version` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `listings_seller_sku_idx` ON `listings` (`seller_id`,`sku`);--> statement-breakpoint
CREATE INDEX `listings_seller_idx` ON `listings` (`seller_id`,`id`);--> statement-breakpoint
CREATE INDEX `listings_edition_offers_idx` ON `listings` (`edition_id`,`status`,`price_amount`);--> statement-breakpoint
CREATE TABLE `search_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`edition_id` text NOT NULL,
	`title` text NOT NULL,
	`subtitle` text DEFAULT '' NOT NULL,
	`authors` text NOT NULL,
	`isbn` text NOT NULL,
	`description` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_documents_edition_idx` ON `search_documents` (`edition_id`);--> statement-breakpoint
CREATE TABLE `search_term_variants` (
	`variant` text NOT NULL,
	`term` text NOT NULL,
	PRIMARY KEY(`variant`, `term`)
);
--> statement-breakpoint
CREATE TABLE `search_terms` (
	`term` text PRIMARY KEY NOT NULL,
	`doc_count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `works` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`subtitle` text,
	`authors` text NOT NULL,
	`subjects` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
