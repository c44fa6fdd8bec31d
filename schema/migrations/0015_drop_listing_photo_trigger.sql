-- The 12-photo limit is held by the photo insert itself (workers/catalog/store/listings.ts `insertPhoto`), the
-- same on D1 and on PlanetScale, which runs no triggers; one rule in one place.
DROP TRIGGER IF EXISTS `listing_photos_limit`;
