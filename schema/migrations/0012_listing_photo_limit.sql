-- A listing holds at most 12 photos (MAX_PHOTOS_PER_LISTING in workers/catalog/media.ts). Counted inside the
-- insert, so concurrent uploads cannot overshoot; the abort rolls back the whole batch, event row included.
CREATE TRIGGER `listing_photos_limit` BEFORE INSERT ON `listing_photos`
WHEN (SELECT count(*) FROM `listing_photos` WHERE `listing_id` = new.listing_id) >= 12
BEGIN
	SELECT RAISE(ABORT, 'listing_photo_limit');
END;
