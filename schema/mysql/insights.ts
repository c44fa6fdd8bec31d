import { index, int, mysqlTable, primaryKey } from "drizzle-orm/mysql-core";
import { epochMs, id, varchar } from "./columns";

/** The insights module's tables in MySQL: DDL twins of schema/insights.ts, which the stores query. */

// --- recommendations ---

export const editionViewers = mysqlTable(
  "insights_edition_viewers",
  {
    viewerKey: id("viewer_key").notNull(),
    editionId: id("edition_id").notNull(),
    day: varchar("day", 10).notNull(),
    userId: id("user_id"),
  },
  (t) => [
    primaryKey({ columns: [t.viewerKey, t.editionId, t.day] }),
    index("insights_edition_viewers_user_idx").on(t.userId),
  ],
);

export const editionPurchases = mysqlTable(
  "insights_edition_purchases",
  {
    orderId: id("order_id").notNull(),
    editionId: id("edition_id").notNull(),
    buyerId: id("buyer_id").notNull(),
    day: varchar("day", 10).notNull(),
    quantity: int("quantity").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.editionId] }),
    index("insights_edition_purchases_buyer_idx").on(t.buyerId),
  ],
);

export const editionRecommendations = mysqlTable(
  "insights_edition_recommendations",
  {
    editionId: id("edition_id").notNull(),
    kind: varchar("kind", 20).notNull(),
    rank: int("rank").notNull(),
    recommendedEditionId: id("recommended_edition_id").notNull(),
    score: int("score").notNull(),
    builtAt: epochMs("built_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.editionId, t.kind, t.rank] })],
);
