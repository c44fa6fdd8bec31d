-- A listing holds at most 12 photos (MAX_PHOTOS_PER_LISTING in workers/catalog/media.ts), as SQLite's
-- 0012_listing_photo_limit holds it: counted inside the insert, and the error rolls back the transaction.
-- Locking reads: the listing row makes concurrent uploads to one listing take turns, and the count then sees
-- every photo committed before it.
-- PlanetScale refuses this statement (Vitess supports no stored routines, triggers included:
-- planetscale.com/docs/vitess/mysql-compatibility); there the limit has to be held by the store.
CREATE TRIGGER `listing_photos_limit` BEFORE INSERT ON `listing_photos` FOR EACH ROW
BEGIN
	DECLARE photos INT;
	SELECT count(*) INTO photos FROM `listings` WHERE `id` = NEW.listing_id FOR UPDATE;
	SELECT count(*) INTO photos FROM `listing_photos` WHERE `listing_id` = NEW.listing_id LOCK IN SHARE MODE;
	IF photos >= 12 THEN
		SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'listing_photo_limit';
	END IF;
END
