import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const PROMOTION_KINDS = ["percent_off", "amount_off", "buy_x_get_y", "fixed_price_bundle"] as const;
export const PROMOTION_STATUSES = ["active", "paused", "ended"] as const;
export const REDEMPTION_STATES = ["held", "used", "released"] as const;

/** Which copies a promotion counts: empty lists mean any (of the owner's listings, for a seller's promotion). */
export interface PromotionTargets {
  listingIds: string[];
  categoryIds: string[];
  conditions: string[];
  formats: string[];
}

/**
 * A discount run by a seller on their own listings (`sellerId` set, seller-funded) or by the marketplace on
 * every listing (`sellerId` null, platform-funded). Applied by `code`, or automatically when it has none.
 * `usesHeld` counts uses held by unpaid orders plus uses by paid ones, and is what `usageLimit` caps (raised by
 * a conditional update in the checkout's batch); `usesCount` counts paid orders only.
 */
export const promotions = sqliteTable(
  "promotions",
  {
    id: text("id").primaryKey(),
    sellerId: text("seller_id"),
    fundedBy: text("funded_by", { enum: ["seller", "platform"] }).notNull(),
    name: text("name").notNull(),
    /** Upper-cased; null for an automatic promotion. */
    code: text("code"),
    kind: text("kind", { enum: PROMOTION_KINDS }).notNull(),
    /** percent_off: whole percent, 1–100. */
    percentOff: integer("percent_off"),
    /** amount_off: minor units off the qualifying copies together. */
    amountOff: integer("amount_off"),
    /** buy_x_get_y: of every `buyQuantity + getQuantity` qualifying copies, the `getQuantity` cheapest are free. */
    buyQuantity: integer("buy_quantity"),
    getQuantity: integer("get_quantity"),
    /** fixed_price_bundle: any `bundleQuantity` qualifying copies for `bundlePrice` minor units. */
    bundleQuantity: integer("bundle_quantity"),
    bundlePrice: integer("bundle_price"),
    currency: text("currency").notNull(),
    /** What the qualifying copies must come to (after earlier promotions) before this one applies. */
    minimumSpend: integer("minimum_spend").notNull().default(0),
    targets: text("targets", { mode: "json" }).$type<PromotionTargets>().notNull(),
    validFrom: integer("valid_from").notNull(),
    validUntil: integer("valid_until"),
    usageLimit: integer("usage_limit"),
    perBuyerLimit: integer("per_buyer_limit"),
    stackable: integer("stackable", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: PROMOTION_STATUSES }).notNull(),
    usesHeld: integer("uses_held").notNull().default(0),
    usesCount: integer("uses_count").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("promotions_code_idx").on(t.code),
    index("promotions_seller_idx").on(t.sellerId, t.status),
    index("promotions_status_idx").on(t.status, t.validFrom),
  ],
);

/**
 * One order's use of one promotion: `held` from checkout, `used` once the order is paid, `released` (and the
 * promotion's `usesHeld` given back) when the order expires, fails or is cancelled unpaid.
 */
export const promotionRedemptions = sqliteTable(
  "promotion_redemptions",
  {
    id: text("id").primaryKey(),
    promotionId: text("promotion_id").notNull(),
    orderId: text("order_id").notNull(),
    buyerId: text("buyer_id").notNull(),
    state: text("state", { enum: REDEMPTION_STATES }).notNull(),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("promotion_redemptions_order_idx").on(t.orderId, t.promotionId),
    index("promotion_redemptions_buyer_idx").on(t.promotionId, t.buyerId, t.state),
  ],
);

/** One promotion's share of an order line, snapshotted at checkout. */
export interface LineDiscount {
  promotionId: string;
  code: string | null;
  name: string;
  fundedBy: "seller" | "platform";
  amount: number;
}
