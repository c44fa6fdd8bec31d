import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** Where a cover stands for its seller: with the print partner, sent with its book, or not needed any more. */
export const PRINT_JOB_STATUSES = ["waiting", "shipped", "cancelled"] as const;

/**
 * Cover print jobs, one per paid order line with a cover option. With the embedded adapter this table is the
 * print-job log operators print from; with a print partner it records the partner's job id. `status` follows the
 * line's seller order (`OrderStatusChanged`): waiting until it ships, or cancelled when it is cancelled or refunded
 * before that. Jobs recorded before `seller_order_id` was kept have none and stay as they were.
 */
export const printJobs = sqliteTable(
  "print_jobs",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id").notNull(),
    sellerOrderId: text("seller_order_id"),
    lineId: text("line_id").notNull(),
    sellerId: text("seller_id").notNull(),
    listingId: text("listing_id").notNull(),
    isbn13: text("isbn13").notNull(),
    title: text("title").notNull(),
    coverOptionId: text("cover_option_id").notNull(),
    coverName: text("cover_name").notNull(),
    inscription: text("inscription"),
    quantity: integer("quantity").notNull(),
    partner: text("partner").notNull(),
    partnerJobId: text("partner_job_id").notNull(),
    status: text("status", { enum: PRINT_JOB_STATUSES }).notNull().default("waiting"),
    submittedAt: integer("submitted_at").notNull(),
    /** When `status` last changed; null while it is as submitted. */
    updatedAt: integer("updated_at"),
  },
  (t) => [
    uniqueIndex("print_jobs_line_idx").on(t.lineId),
    index("print_jobs_seller_idx").on(t.sellerId, t.status, t.submittedAt),
    index("print_jobs_seller_order_idx").on(t.sellerOrderId),
  ],
);
