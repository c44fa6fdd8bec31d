CREATE TABLE `oidc_identities` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`provider` text NOT NULL,
	`subject` text NOT NULL,
	`email` text,
	`created_at` integer NOT NULL,
	`last_used_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `oidc_identities_subject_idx` ON `oidc_identities` (`provider`,`subject`);--> statement-breakpoint
CREATE INDEX `oidc_identities_user_idx` ON `oidc_identities` (`user_id`);--> statement-breakpoint
CREATE TABLE `oidc_sign_ins` (
	`state_hash` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`code_verifier` text NOT NULL,
	`nonce` text NOT NULL,
	`redirect` text NOT NULL,
	`link_user_id` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`returned_at` integer,
	`outcome` text,
	`user_id` text,
	`subject` text,
	`email` text,
	`code_hash` text,
	`exchanged_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `oidc_sign_ins_code_idx` ON `oidc_sign_ins` (`code_hash`);--> statement-breakpoint
CREATE INDEX `oidc_sign_ins_expiry_idx` ON `oidc_sign_ins` (`expires_at`);