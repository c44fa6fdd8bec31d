CREATE TABLE `print_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`line_id` text NOT NULL,
	`seller_id` text NOT NULL,
	`listing_id` text NOT NULL,
	`isbn13` text NOT NULL,
	`title` text NOT NULL,
	`cover_option_id` text NOT NULL,
	`cover_name` text NOT NULL,
	`inscription` text,
	`quantity` integer NOT NULL,
	`partner` text NOT NULL,
	`partner_job_id` text NOT NULL,
	`submitted_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `print_jobs_line_idx` ON `print_jobs` (`line_id`);