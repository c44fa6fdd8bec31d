import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * Cover print jobs, one per paid order line with a cover option. With the embedded adapter this table is the
 * print-job log operators print from; with a print partner it records the partner's job id.
 */
export const printJobs = sqliteTable(
  "print_jobs",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id").notNull(),
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
    submittedAt: integer("submitted_at").notNull(),
  },
  (t) => [uniqueIndex("print_jobs_line_idx").on(t.lineId)],
);
