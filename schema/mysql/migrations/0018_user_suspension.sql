ALTER TABLE `listings` ADD `withheld_at` bigint;--> statement-breakpoint
ALTER TABLE `users` ADD `suspended_at` bigint;--> statement-breakpoint
ALTER TABLE `users` ADD `suspended_reason` varchar(500) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;