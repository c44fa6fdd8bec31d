import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** The insights module's tables: what it tallies from events and the reports it builds from other modules' data. */

// ── reports ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Views of an edition's book page and copies of it added to carts, per UTC day (`YYYY-MM-DD`): the funnel's top. */
export const editionFunnelDays = sqliteTable(
  "edition_funnel_days",
  {
    editionId: text("edition_id").notNull(),
    day: text("day").notNull(),
    views: integer("views").notNull().default(0),
    cartAdds: integer("cart_adds").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.editionId, t.day] })],
);

/** One ISO week's marketplace report (`2026-W48`), every section but the sellers' rows; rebuilt in place. */
export const weeklyReports = sqliteTable("weekly_reports", {
  week: text("week").primaryKey(),
  startsAt: integer("starts_at").notNull(),
  endsAt: integer("ends_at").notNull(),
  figures: text("figures", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  builtAt: integer("built_at").notNull(),
});

/** One seller's figures of a week's report and their rank among the week's sellers (1 is first). */
export const weeklySellerReports = sqliteTable(
  "weekly_seller_reports",
  {
    week: text("week").notNull(),
    sellerId: text("seller_id").notNull(),
    rank: integer("rank").notNull(),
    figures: text("figures", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.week, t.sellerId] })],
);
