CREATE TABLE `catalog_import_chunks` (
	`import_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`chunk` int NOT NULL,
	`rows_done` int NOT NULL,
	`rows_failed` int NOT NULL,
	`processed_at` bigint NOT NULL,
	CONSTRAINT `catalog_import_chunks_import_id_chunk_pk` PRIMARY KEY(`import_id`,`chunk`)
);
--> statement-breakpoint
CREATE TABLE `catalog_import_errors` (
	`import_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`row` int NOT NULL,
	`field` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`message` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	CONSTRAINT `catalog_import_errors_import_id_row_field_pk` PRIMARY KEY(`import_id`,`row`,`field`)
);
--> statement-breakpoint
CREATE TABLE `catalog_imports` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`seller_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`rows_total` int NOT NULL,
	`chunks_total` int NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `catalog_imports_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `catalog_versions` (
	`scope` varchar(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`version` int NOT NULL DEFAULT 1,
	CONSTRAINT `catalog_versions_scope` PRIMARY KEY(`scope`)
);
--> statement-breakpoint
CREATE TABLE `categories` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`slug` varchar(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`name` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`parent_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`position` int NOT NULL DEFAULT 0,
	`edition_count` int NOT NULL DEFAULT 0,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `categories_id` PRIMARY KEY(`id`),
	CONSTRAINT `categories_slug_idx` UNIQUE(`slug`)
);
--> statement-breakpoint
CREATE TABLE `category_closure` (
	`ancestor_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`descendant_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`depth` int NOT NULL,
	CONSTRAINT `category_closure_ancestor_id_descendant_id_pk` PRIMARY KEY(`ancestor_id`,`descendant_id`)
);
--> statement-breakpoint
CREATE TABLE `cover_options` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`listing_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`name` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`kind` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`price_amount` bigint NOT NULL,
	`currency` varchar(3) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`max_length` int,
	`position` int NOT NULL DEFAULT 0,
	`removed_at` bigint,
	CONSTRAINT `cover_options_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `edition_categories` (
	`edition_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`category_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	CONSTRAINT `edition_categories_edition_id_category_id_pk` PRIMARY KEY(`edition_id`,`category_id`)
);
--> statement-breakpoint
CREATE TABLE `edition_views` (
	`edition_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`day` varchar(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`views` int NOT NULL DEFAULT 0,
	CONSTRAINT `edition_views_edition_id_day_pk` PRIMARY KEY(`edition_id`,`day`)
);
--> statement-breakpoint
CREATE TABLE `editions` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`work_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`isbn13` varchar(13) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`title` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`subtitle` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`authors` json NOT NULL,
	`format` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`publisher` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`published_year` int NOT NULL DEFAULT 0,
	`language` varchar(35) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL DEFAULT 'en',
	`page_count` int,
	`description` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`cover_key` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`lowest_price` bigint,
	`offer_count` int NOT NULL DEFAULT 0,
	`available` int NOT NULL DEFAULT 0,
	`conditions` int NOT NULL DEFAULT 0,
	`version` int NOT NULL DEFAULT 1,
	`doc_id` bigint NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `editions_id` PRIMARY KEY(`id`),
	CONSTRAINT `editions_isbn13_idx` UNIQUE(`isbn13`),
	CONSTRAINT `editions_doc_idx` UNIQUE(`doc_id`)
);
--> statement-breakpoint
CREATE TABLE `listing_photos` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`listing_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`key` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`content_type` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`bytes` int NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `listing_photos_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `listing_price_history` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`listing_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`amount` bigint NOT NULL,
	`currency` varchar(3) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`changed_at` bigint NOT NULL,
	CONSTRAINT `listing_price_history_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `listings` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`seller_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`edition_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`sku` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`condition` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`condition_notes` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`price_amount` bigint NOT NULL,
	`currency` varchar(3) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`quantity` int NOT NULL,
	`available` int NOT NULL,
	`stock_version` int NOT NULL DEFAULT 0,
	`status` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`version` int NOT NULL DEFAULT 1,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `listings_id` PRIMARY KEY(`id`),
	CONSTRAINT `listings_seller_sku_idx` UNIQUE(`seller_id`,`sku`)
);
--> statement-breakpoint
CREATE TABLE `search_documents` (
	`id` bigint AUTO_INCREMENT NOT NULL,
	`edition_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`title` text CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
	`subtitle` text CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT (''),
	`authors` text CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
	`isbn` text CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
	`description` text CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT (''),
	CONSTRAINT `search_documents_id` PRIMARY KEY(`id`),
	CONSTRAINT `search_documents_edition_idx` UNIQUE(`edition_id`)
);
--> statement-breakpoint
CREATE TABLE `search_term_variants` (
	`variant` varchar(380) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`term` varchar(380) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	CONSTRAINT `search_term_variants_variant_term_pk` PRIMARY KEY(`variant`,`term`)
);
--> statement-breakpoint
CREATE TABLE `search_terms` (
	`term` varchar(380) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`doc_count` int NOT NULL DEFAULT 0,
	CONSTRAINT `search_terms_term` PRIMARY KEY(`term`)
);
--> statement-breakpoint
CREATE TABLE `works` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`title` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`subtitle` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`authors` json NOT NULL,
	`subjects` json NOT NULL DEFAULT ('[]'),
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `works_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`type` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`user_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`actor_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`session_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`ip` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`user_agent` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`detail` json NOT NULL DEFAULT ('{}'),
	`created_at` bigint NOT NULL,
	CONSTRAINT `audit_log_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `one_time_tokens` (
	`token_hash` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`user_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`purpose` varchar(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`created_at` bigint NOT NULL,
	`expires_at` bigint NOT NULL,
	`used_at` bigint,
	CONSTRAINT `one_time_tokens_token_hash` PRIMARY KEY(`token_hash`)
);
--> statement-breakpoint
CREATE TABLE `refresh_tokens` (
	`token_hash` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`session_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`issued_at` bigint NOT NULL,
	`expires_at` bigint NOT NULL,
	`rotated_at` bigint,
	`successor` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	CONSTRAINT `refresh_tokens_token_hash` PRIMARY KEY(`token_hash`)
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`user_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`created_at` bigint NOT NULL,
	`last_used_at` bigint NOT NULL,
	`expires_at` bigint NOT NULL,
	`revoked_at` bigint,
	`revoked_reason` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`ip` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`user_agent` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	CONSTRAINT `sessions_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `user_roles` (
	`user_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`role` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`source` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`granted_at` bigint NOT NULL,
	CONSTRAINT `user_roles_user_id_role_pk` PRIMARY KEY(`user_id`,`role`)
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`email` varchar(320) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`email_key` varchar(320) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`name` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`password_hash` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`email_verified_at` bigint,
	`shipping_addresses` json NOT NULL DEFAULT ('[]'),
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	`deleted_at` bigint,
	CONSTRAINT `users_id` PRIMARY KEY(`id`),
	CONSTRAINT `users_email_key_idx` UNIQUE(`email_key`)
);
--> statement-breakpoint
CREATE TABLE `deliveries` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`event_id` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`template` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`to` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`provider` varchar(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`provider_message_id` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`sent_at` bigint NOT NULL,
	CONSTRAINT `deliveries_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `dev_mailbox` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`to` varchar(320) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`from` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`subject` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`text` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`html` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`template` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`sent_at` bigint NOT NULL,
	CONSTRAINT `dev_mailbox_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `order_lines` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`seller_order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`listing_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`reservation_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`title` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`isbn13` varchar(13) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`condition` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`quantity` int NOT NULL,
	`unit_price` bigint NOT NULL,
	`cover_option_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`cover_name` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`cover_price` bigint NOT NULL DEFAULT 0,
	`inscription` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`line_total` bigint NOT NULL,
	`refunded_amount` bigint NOT NULL DEFAULT 0,
	`refunded_quantity` int NOT NULL DEFAULT 0,
	`restocked_quantity` int NOT NULL DEFAULT 0,
	CONSTRAINT `order_lines_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `order_refunds` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`request_key` varchar(330) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`state` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`amount` bigint NOT NULL,
	`currency` varchar(3) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`reason` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`restock` boolean NOT NULL,
	`allocation` json NOT NULL,
	`actor` varchar(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`provider_refund_id` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`created_at` bigint NOT NULL,
	`completed_at` bigint,
	CONSTRAINT `order_refunds_id` PRIMARY KEY(`id`),
	CONSTRAINT `order_refunds_request_idx` UNIQUE(`request_key`)
);
--> statement-breakpoint
CREATE TABLE `order_status_history` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`seller_order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`from_status` varchar(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`to_status` varchar(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`actor` varchar(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`reason` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`at` bigint NOT NULL,
	CONSTRAINT `order_status_history_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `orders` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`buyer_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`status` varchar(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`currency` varchar(3) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`items_total` bigint NOT NULL,
	`covers_total` bigint NOT NULL,
	`shipping_total` bigint NOT NULL,
	`tax` bigint NOT NULL DEFAULT 0,
	`total` bigint NOT NULL,
	`refunded_total` bigint NOT NULL DEFAULT 0,
	`goodwill_total` bigint NOT NULL DEFAULT 0,
	`shipping_address` json NOT NULL,
	`shipping_method` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`hold_expires_at` bigint NOT NULL,
	`cancel_reason` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`paid_at` bigint,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `orders_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `seller_orders` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`seller_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`status` varchar(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`items_total` bigint NOT NULL,
	`covers_total` bigint NOT NULL,
	`shipping_total` bigint NOT NULL,
	`total` bigint NOT NULL,
	`refunded_total` bigint NOT NULL DEFAULT 0,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `seller_orders_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `shipments` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`seller_order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`carrier` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`tracking_number` varchar(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`tracking_url` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`shipped_at` bigint NOT NULL,
	`delivered_at` bigint,
	CONSTRAINT `shipments_id` PRIMARY KEY(`id`),
	CONSTRAINT `shipments_seller_order_idx` UNIQUE(`seller_order_id`)
);
--> statement-breakpoint
CREATE TABLE `payment_webhook_events` (
	`provider` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`event_id` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`type` varchar(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`provider_payment_id` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`payment_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`payload` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`received_at` bigint NOT NULL,
	CONSTRAINT `payment_webhook_events_provider_event_id_pk` PRIMARY KEY(`provider`,`event_id`)
);
--> statement-breakpoint
CREATE TABLE `payments` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`provider` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`provider_payment_id` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`status` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`amount` bigint NOT NULL,
	`currency` varchar(3) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`captured_amount` bigint NOT NULL DEFAULT 0,
	`captured_currency` varchar(3) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`refunded_amount` bigint NOT NULL DEFAULT 0,
	`client_secret` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`disputed` boolean NOT NULL DEFAULT false,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `payments_id` PRIMARY KEY(`id`),
	CONSTRAINT `payments_order_idx` UNIQUE(`order_id`),
	CONSTRAINT `payments_provider_idx` UNIQUE(`provider`,`provider_payment_id`)
);
--> statement-breakpoint
CREATE TABLE `reconciliation_findings` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`run_at` bigint NOT NULL,
	`kind` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`payment_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`detail` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	CONSTRAINT `reconciliation_findings_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `reconciliation_runs` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`run_at` bigint NOT NULL,
	`since` bigint NOT NULL,
	`payments_checked` int NOT NULL,
	`orders_checked` int NOT NULL,
	`findings` int NOT NULL,
	`finished_at` bigint NOT NULL,
	CONSTRAINT `reconciliation_runs_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `refunds` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`payment_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`amount` bigint NOT NULL,
	`currency` varchar(3) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`reason` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`idempotency_key` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`provider_refund_id` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `refunds_id` PRIMARY KEY(`id`),
	CONSTRAINT `refunds_idempotency_idx` UNIQUE(`idempotency_key`)
);
--> statement-breakpoint
CREATE TABLE `dead_letters` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`queue` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`message_id` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`event_id` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`event_type` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`body` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`attempts` int NOT NULL,
	`reason` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`received_at` bigint NOT NULL,
	`replayed_at` bigint,
	`replay_count` int NOT NULL DEFAULT 0,
	CONSTRAINT `dead_letters_id` PRIMARY KEY(`id`),
	CONSTRAINT `dead_letters_message_idx` UNIQUE(`queue`,`message_id`)
);
--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`scope` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`key` varchar(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`request_hash` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`state` varchar(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`status` int,
	`content_type` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`body` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`created_at` bigint NOT NULL,
	`expires_at` bigint NOT NULL,
	CONSTRAINT `idempotency_keys_scope_key_pk` PRIMARY KEY(`scope`,`key`)
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`event_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`queue` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`type` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`envelope` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`created_at` bigint NOT NULL,
	`sent_at` bigint,
	`attempts` int NOT NULL DEFAULT 0,
	`last_error` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	CONSTRAINT `outbox_event_id_queue_pk` PRIMARY KEY(`event_id`,`queue`)
);
--> statement-breakpoint
CREATE TABLE `processed_events` (
	`consumer` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`event_id` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`processed_at` bigint NOT NULL,
	CONSTRAINT `processed_events_consumer_event_id_pk` PRIMARY KEY(`consumer`,`event_id`)
);
--> statement-breakpoint
CREATE TABLE `print_jobs` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`order_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`line_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`seller_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`listing_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`isbn13` varchar(13) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`title` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`cover_option_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`cover_name` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`inscription` text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`quantity` int NOT NULL,
	`partner` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`partner_job_id` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`submitted_at` bigint NOT NULL,
	CONSTRAINT `print_jobs_id` PRIMARY KEY(`id`),
	CONSTRAINT `print_jobs_line_idx` UNIQUE(`line_id`)
);
--> statement-breakpoint
CREATE TABLE `seller_shipping_rates` (
	`seller_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`countries` json NOT NULL,
	`currency` varchar(3) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`domestic_first` bigint NOT NULL,
	`domestic_additional` bigint NOT NULL,
	`international_first` bigint NOT NULL,
	`international_additional` bigint NOT NULL,
	`express_first` bigint,
	`express_additional` bigint,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `seller_shipping_rates_seller_id` PRIMARY KEY(`seller_id`)
);
--> statement-breakpoint
CREATE TABLE `sellers` (
	`id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`user_id` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`store_name` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`store_name_key` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`contact_email` varchar(320) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`ships_from` varchar(2) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `sellers_id` PRIMARY KEY(`id`),
	CONSTRAINT `sellers_user_idx` UNIQUE(`user_id`),
	CONSTRAINT `sellers_store_name_idx` UNIQUE(`store_name_key`)
);
--> statement-breakpoint
CREATE INDEX `catalog_imports_seller_idx` ON `catalog_imports` (`seller_id`,`id`);--> statement-breakpoint
CREATE INDEX `categories_parent_idx` ON `categories` (`parent_id`,`position`);--> statement-breakpoint
CREATE INDEX `category_closure_descendant_idx` ON `category_closure` (`descendant_id`);--> statement-breakpoint
CREATE INDEX `cover_options_listing_idx` ON `cover_options` (`listing_id`,`position`);--> statement-breakpoint
CREATE INDEX `edition_categories_category_idx` ON `edition_categories` (`category_id`,`edition_id`);--> statement-breakpoint
CREATE INDEX `editions_work_idx` ON `editions` (`work_id`);--> statement-breakpoint
CREATE INDEX `editions_price_idx` ON `editions` (`lowest_price`,`id`);--> statement-breakpoint
CREATE INDEX `editions_newest_idx` ON `editions` (`published_year`,`id`);--> statement-breakpoint
CREATE INDEX `listing_photos_listing_idx` ON `listing_photos` (`listing_id`,`id`);--> statement-breakpoint
CREATE INDEX `listing_price_history_listing_idx` ON `listing_price_history` (`listing_id`,`id`);--> statement-breakpoint
CREATE INDEX `listings_seller_idx` ON `listings` (`seller_id`,`id`);--> statement-breakpoint
CREATE INDEX `listings_edition_offers_idx` ON `listings` (`edition_id`,`status`,`price_amount`);--> statement-breakpoint
CREATE INDEX `audit_log_user_idx` ON `audit_log` (`user_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_log_type_idx` ON `audit_log` (`type`,`id`);--> statement-breakpoint
CREATE INDEX `one_time_tokens_user_idx` ON `one_time_tokens` (`user_id`,`purpose`);--> statement-breakpoint
CREATE INDEX `refresh_tokens_session_idx` ON `refresh_tokens` (`session_id`);--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`,`revoked_at`);--> statement-breakpoint
CREATE INDEX `deliveries_event_idx` ON `deliveries` (`event_id`);--> statement-breakpoint
CREATE INDEX `dev_mailbox_to_idx` ON `dev_mailbox` (`to`,`sent_at`);--> statement-breakpoint
CREATE INDEX `order_lines_order_idx` ON `order_lines` (`order_id`);--> statement-breakpoint
CREATE INDEX `order_lines_seller_order_idx` ON `order_lines` (`seller_order_id`);--> statement-breakpoint
CREATE INDEX `order_refunds_order_idx` ON `order_refunds` (`order_id`);--> statement-breakpoint
CREATE INDEX `order_refunds_pending_idx` ON `order_refunds` (`state`,`created_at`);--> statement-breakpoint
CREATE INDEX `order_status_history_order_idx` ON `order_status_history` (`order_id`,`at`);--> statement-breakpoint
CREATE INDEX `orders_buyer_idx` ON `orders` (`buyer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_hold_idx` ON `orders` (`status`,`hold_expires_at`);--> statement-breakpoint
CREATE INDEX `orders_updated_idx` ON `orders` (`updated_at`);--> statement-breakpoint
CREATE INDEX `seller_orders_order_idx` ON `seller_orders` (`order_id`);--> statement-breakpoint
CREATE INDEX `seller_orders_seller_idx` ON `seller_orders` (`seller_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `shipments_order_idx` ON `shipments` (`order_id`);--> statement-breakpoint
CREATE INDEX `payment_webhook_events_payment_idx` ON `payment_webhook_events` (`payment_id`);--> statement-breakpoint
CREATE INDEX `payments_updated_idx` ON `payments` (`updated_at`);--> statement-breakpoint
CREATE INDEX `reconciliation_findings_run_idx` ON `reconciliation_findings` (`run_at`);--> statement-breakpoint
CREATE INDEX `reconciliation_runs_run_idx` ON `reconciliation_runs` (`run_at`);--> statement-breakpoint
CREATE INDEX `refunds_payment_idx` ON `refunds` (`payment_id`);--> statement-breakpoint
CREATE INDEX `idempotency_keys_expiry_idx` ON `idempotency_keys` (`expires_at`);--> statement-breakpoint
CREATE INDEX `outbox_unsent_idx` ON `outbox` (`created_at`);