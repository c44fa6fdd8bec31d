import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

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

// ── recommendations ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Who looked at which edition on which day (`YYYY-MM-DD`, UTC). The viewer is a user id when signed in, otherwise
 * a keyed hash of the guest's address, browser and day: never a raw address. One row however often they looked.
 */
export const editionViewers = sqliteTable(
  "insights_edition_viewers",
  {
    viewerKey: text("viewer_key").notNull(),
    isbn13: text("isbn13").notNull(),
    day: text("day").notNull(),
    userId: text("user_id"),
  },
  (t) => [
    primaryKey({ columns: [t.viewerKey, t.isbn13, t.day] }),
    index("insights_edition_viewers_user_idx").on(t.userId),
  ],
);

/** One paid order's edition (by ISBN-13), as the recommender reads purchases: (buyer, edition, order, day). */
export const editionPurchases = sqliteTable(
  "insights_edition_purchases",
  {
    orderId: text("order_id").notNull(),
    isbn13: text("isbn13").notNull(),
    buyerId: text("buyer_id").notNull(),
    day: text("day").notNull(),
    quantity: integer("quantity").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.isbn13] }), index("insights_edition_purchases_buyer_idx").on(t.buyerId)],
);

/** The daily build's top editions (by ISBN-13) per edition, by kind: `bought_together` or `also_viewed`, rank 1 first. */
export const editionRecommendations = sqliteTable(
  "insights_edition_recommendations",
  {
    isbn13: text("isbn13").notNull(),
    kind: text("kind", { enum: ["bought_together", "also_viewed"] }).notNull(),
    rank: integer("rank").notNull(),
    recommendedIsbn13: text("recommended_isbn13").notNull(),
    /** The normalised score in millionths (1_000_000 is a perfect match), an integer in both dialects. */
    score: integer("score").notNull(),
    builtAt: integer("built_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.isbn13, t.kind, t.rank] })],
);
