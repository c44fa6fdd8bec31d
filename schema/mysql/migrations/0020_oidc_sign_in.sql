CREATE TABLE `oidc_identities` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`user_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`provider` varchar(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`subject` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`email` varchar(320) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`created_at` bigint NOT NULL,
	`last_used_at` bigint,
	CONSTRAINT `oidc_identities_id` PRIMARY KEY(`id`),
	CONSTRAINT `oidc_identities_subject_idx` UNIQUE(`provider`,`subject`)
);
--> statement-breakpoint
CREATE TABLE `oidc_sign_ins` (
	`state_hash` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`provider` varchar(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`code_verifier` varchar(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`nonce` varchar(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`redirect` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`link_user_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`created_at` bigint NOT NULL,
	`expires_at` bigint NOT NULL,
	`returned_at` bigint,
	`outcome` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`user_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`subject` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`email` varchar(320) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`code_hash` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`exchanged_at` bigint,
	CONSTRAINT `oidc_sign_ins_state_hash` PRIMARY KEY(`state_hash`),
	CONSTRAINT `oidc_sign_ins_code_idx` UNIQUE(`code_hash`)
);
--> statement-breakpoint
CREATE INDEX `oidc_identities_user_idx` ON `oidc_identities` (`user_id`);--> statement-breakpoint
CREATE INDEX `oidc_sign_ins_expiry_idx` ON `oidc_sign_ins` (`expires_at`);