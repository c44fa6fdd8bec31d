import { boolean, index, int, json, mysqlTable, uniqueIndex } from "drizzle-orm/mysql-core";
import { epochMs, id, minorUnits, text, varchar } from "./columns";

/** The promotions module's tables in MySQL: DDL twins of schema/promotions.ts, which the stores query. */

export const promotions = mysqlTable(
  "promotions",
  {
    id: id("id").primaryKey(),
    sellerId: id("seller_id"),
    fundedBy: varchar("funded_by", 16).notNull(),
    name: text("name").notNull(),
    code: varchar("code", 64),
    kind: varchar("kind", 32).notNull(),
    percentOff: int("percent_off"),
    amountOff: minorUnits("amount_off"),
    buyQuantity: int("buy_quantity"),
    getQuantity: int("get_quantity"),
    bundleQuantity: int("bundle_quantity"),
    bundlePrice: minorUnits("bundle_price"),
    currency: varchar("currency", 3).notNull(),
    minimumSpend: minorUnits("minimum_spend").notNull().default(0),
    targets: json("targets").notNull(),
    validFrom: epochMs("valid_from").notNull(),
    validUntil: epochMs("valid_until"),
    usageLimit: int("usage_limit"),
    perBuyerLimit: int("per_buyer_limit"),
    stackable: boolean("stackable").notNull().default(false),
    status: varchar("status", 16).notNull(),
    usesHeld: int("uses_held").notNull().default(0),
    usesCount: int("uses_count").notNull().default(0),
    version: int("version").notNull().default(1),
    createdBy: varchar("created_by", 128).notNull(),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("promotions_code_idx").on(t.code),
    index("promotions_seller_idx").on(t.sellerId, t.status),
    index("promotions_status_idx").on(t.status, t.validFrom),
  ],
);

export const promotionRedemptions = mysqlTable(
  "promotion_redemptions",
  {
    id: id("id").primaryKey(),
    promotionId: id("promotion_id").notNull(),
    orderId: id("order_id").notNull(),
    buyerId: id("buyer_id").notNull(),
    state: varchar("state", 16).notNull(),
    amount: minorUnits("amount").notNull(),
    currency: varchar("currency", 3).notNull(),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("promotion_redemptions_order_idx").on(t.orderId, t.promotionId),
    index("promotion_redemptions_buyer_idx").on(t.promotionId, t.buyerId, t.state),
  ],
);
