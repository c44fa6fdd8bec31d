DROP INDEX `listing_photos_listing_idx` ON `listing_photos`;--> statement-breakpoint
ALTER TABLE `listing_photos` ADD `position` int DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `listings` ADD `low_stock_threshold` int DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `listing_photos_listing_idx` ON `listing_photos` (`listing_id`,`position`,`id`);