CREATE TABLE `reconciliation_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`run_at` integer NOT NULL,
	`since` integer NOT NULL,
	`payments_checked` integer NOT NULL,
	`orders_checked` integer NOT NULL,
	`findings` integer NOT NULL,
	`finished_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reconciliation_runs_run_idx` ON `reconciliation_runs` (`run_at`);--> statement-breakpoint
CREATE INDEX `orders_updated_idx` ON `orders` (`updated_at`);--> statement-breakpoint
CREATE INDEX `payments_updated_idx` ON `payments` (`updated_at`);