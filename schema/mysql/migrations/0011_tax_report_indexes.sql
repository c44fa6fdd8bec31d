CREATE INDEX `order_refunds_completed_idx` ON `order_refunds` (`completed_at`);--> statement-breakpoint
CREATE INDEX `orders_paid_idx` ON `orders` (`paid_at`);