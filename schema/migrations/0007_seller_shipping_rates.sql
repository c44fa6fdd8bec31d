CREATE TABLE `seller_shipping_rates` (
	`seller_id` text PRIMARY KEY NOT NULL,
	`countries` text NOT NULL,
	`currency` text NOT NULL,
	`domestic_first` integer NOT NULL,
	`domestic_additional` integer NOT NULL,
	`international_first` integer NOT NULL,
	`international_additional` integer NOT NULL,
	`express_first` integer,
	`express_additional` integer,
	`updated_at` integer NOT NULL
);
