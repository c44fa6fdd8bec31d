-- Photos uploaded before photos had an order keep the order they were uploaded in (photo ids are time-ordered).
-- MySQL cannot update a table from a subquery on itself, so the places come from a derived table.
UPDATE `listing_photos` AS `photo`
JOIN (
  SELECT `id`, ROW_NUMBER() OVER (PARTITION BY `listing_id` ORDER BY `id`) - 1 AS `place` FROM `listing_photos`
) AS `ordered` ON `ordered`.`id` = `photo`.`id`
SET `photo`.`position` = `ordered`.`place`;
