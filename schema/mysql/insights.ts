import { int, json, mysqlTable, primaryKey } from "drizzle-orm/mysql-core";
import { epochMs, id, varchar } from "./columns";

/** The insights module's tables in MySQL: DDL twins of schema/insights.ts, which the stores query. */

// ── reports ─────────────────────────────────────────────────────────────────────────────────────────────────────

export const editionFunnelDays = mysqlTable(
  "edition_funnel_days",
  {
    editionId: id("edition_id").notNull(),
    day: varchar("day", 10).notNull(),
    views: int("views").notNull().default(0),
    cartAdds: int("cart_adds").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.editionId, t.day] })],
);

export const weeklyReports = mysqlTable("weekly_reports", {
  week: varchar("week", 8).primaryKey(),
  startsAt: epochMs("starts_at").notNull(),
  endsAt: epochMs("ends_at").notNull(),
  figures: json("figures").$type<Record<string, unknown>>().notNull(),
  builtAt: epochMs("built_at").notNull(),
});

export const weeklySellerReports = mysqlTable(
  "weekly_seller_reports",
  {
    week: varchar("week", 8).notNull(),
    sellerId: id("seller_id").notNull(),
    rank: int("rank").notNull(),
    figures: json("figures").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.week, t.sellerId] })],
);
