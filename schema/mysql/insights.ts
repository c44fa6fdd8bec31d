import { index, int, json, mysqlTable, primaryKey } from "drizzle-orm/mysql-core";
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

// ── recommendations ─────────────────────────────────────────────────────────────────────────────────────────────

export const editionViewers = mysqlTable(
  "insights_edition_viewers",
  {
    viewerKey: id("viewer_key").notNull(),
    isbn13: varchar("isbn13", 13).notNull(),
    day: varchar("day", 10).notNull(),
    userId: id("user_id"),
  },
  (t) => [
    primaryKey({ columns: [t.viewerKey, t.isbn13, t.day] }),
    index("insights_edition_viewers_user_idx").on(t.userId),
  ],
);

export const editionPurchases = mysqlTable(
  "insights_edition_purchases",
  {
    orderId: id("order_id").notNull(),
    isbn13: varchar("isbn13", 13).notNull(),
    buyerId: id("buyer_id").notNull(),
    day: varchar("day", 10).notNull(),
    quantity: int("quantity").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.isbn13] }), index("insights_edition_purchases_buyer_idx").on(t.buyerId)],
);

export const editionRecommendations = mysqlTable(
  "insights_edition_recommendations",
  {
    isbn13: varchar("isbn13", 13).notNull(),
    kind: varchar("kind", 20).notNull(),
    rank: int("rank").notNull(),
    recommendedIsbn13: varchar("recommended_isbn13", 13).notNull(),
    score: int("score").notNull(),
    builtAt: epochMs("built_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.isbn13, t.kind, t.rank] })],
);
