import { index, int, mysqlTable, primaryKey } from "drizzle-orm/mysql-core";
import { epochMs, id, varchar } from "./columns";

/** The insights module's tables in MySQL: DDL twins of schema/insights.ts, which the stores query. */

// --- recommendations ---

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
