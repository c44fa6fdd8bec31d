ALTER TABLE `audit_log` ADD `target` varchar(160) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `before` json;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `after` json;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `request_id` varchar(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `shop_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`actor_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_log_target_idx` ON `audit_log` (`target`,`id`);--> statement-breakpoint
CREATE INDEX `audit_log_shop_idx` ON `audit_log` (`shop_id`,`id`);