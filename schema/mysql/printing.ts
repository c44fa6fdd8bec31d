import { index, int, mysqlTable, uniqueIndex } from "drizzle-orm/mysql-core";
import { epochMs, id, text, varchar } from "./columns";

/** The printing module's table in MySQL: the DDL twin of schema/printing.ts, which the store queries. */

export const printJobs = mysqlTable(
  "print_jobs",
  {
    id: id("id").primaryKey(),
    orderId: id("order_id").notNull(),
    sellerOrderId: id("seller_order_id"),
    lineId: id("line_id").notNull(),
    sellerId: id("seller_id").notNull(),
    listingId: id("listing_id").notNull(),
    isbn13: varchar("isbn13", 13).notNull(),
    title: text("title").notNull(),
    coverOptionId: id("cover_option_id").notNull(),
    coverName: varchar("cover_name", 255).notNull(),
    inscription: text("inscription"),
    quantity: int("quantity").notNull(),
    partner: varchar("partner", 64).notNull(),
    partnerJobId: varchar("partner_job_id", 255).notNull(),
    status: varchar("status", 16).notNull().default("waiting"),
    submittedAt: epochMs("submitted_at").notNull(),
    updatedAt: epochMs("updated_at"),
  },
  (t) => [
    uniqueIndex("print_jobs_line_idx").on(t.lineId),
    index("print_jobs_seller_idx").on(t.sellerId, t.status, t.submittedAt),
    index("print_jobs_seller_order_idx").on(t.sellerOrderId),
  ],
);
