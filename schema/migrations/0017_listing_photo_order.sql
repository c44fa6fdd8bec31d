-- Photos uploaded before photos had an order keep the order they were uploaded in (photo ids are time-ordered).
UPDATE `listing_photos` SET `position` = (
  SELECT count(*) FROM `listing_photos` AS `earlier`
  WHERE `earlier`.`listing_id` = `listing_photos`.`listing_id` AND `earlier`.`id` < `listing_photos`.`id`
);
