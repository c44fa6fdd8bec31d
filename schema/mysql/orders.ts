import { boolean, index, int, json, mysqlTable, primaryKey, uniqueIndex } from "drizzle-orm/mysql-core";
import { epochMs, id, minorUnits, text, varchar } from "./columns";

/** The orders module's tables in MySQL: DDL twins of schema/orders.ts, which the stores query. */

/** Who acted on an order: `buyer:<id>`, `seller:<id>`, `admin:<id>` or `system:<step>`. */
const ACTOR = 128;

export const orders = mysqlTable(
  "orders",
  {
    id: id("id").primaryKey(),
    buyerId: id("buyer_id").notNull(),
    status: varchar("status", 32).notNull(),
    currency: varchar("currency", 3).notNull(),
    itemsTotal: minorUnits("items_total").notNull(),
    coversTotal: minorUnits("covers_total").notNull(),
    shippingTotal: minorUnits("shipping_total").notNull(),
    discountTotal: minorUnits("discount_total").notNull().default(0),
    sellerFundedDiscount: minorUnits("seller_funded_discount").notNull().default(0),
    tax: minorUnits("tax").notNull().default(0),
    taxLines: json("tax_lines").notNull().default([]),
    taxCountry: varchar("tax_country", 2).notNull().default(""),
    total: minorUnits("total").notNull(),
    refundedTotal: minorUnits("refunded_total").notNull().default(0),
    goodwillTotal: minorUnits("goodwill_total").notNull().default(0),
    shippingAddress: json("shipping_address").notNull(),
    shippingMethod: varchar("shipping_method", 16).notNull(),
    holdExpiresAt: epochMs("hold_expires_at").notNull(),
    cancelReason: text("cancel_reason"),
    paidAt: epochMs("paid_at"),
    completedAt: epochMs("completed_at"),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [
    index("orders_buyer_idx").on(t.buyerId, t.createdAt),
    index("orders_hold_idx").on(t.status, t.holdExpiresAt),
    index("orders_buyer_unpaid_idx").on(t.buyerId, t.status, t.holdExpiresAt),
    index("orders_updated_idx").on(t.updatedAt),
    index("orders_paid_idx").on(t.paidAt),
  ],
);

export const sellerOrders = mysqlTable(
  "seller_orders",
  {
    id: id("id").primaryKey(),
    orderId: id("order_id").notNull(),
    sellerId: id("seller_id").notNull(),
    status: varchar("status", 32).notNull(),
    itemsTotal: minorUnits("items_total").notNull(),
    coversTotal: minorUnits("covers_total").notNull(),
    shippingTotal: minorUnits("shipping_total").notNull(),
    discountTotal: minorUnits("discount_total").notNull().default(0),
    sellerFundedDiscount: minorUnits("seller_funded_discount").notNull().default(0),
    tax: minorUnits("tax").notNull().default(0),
    taxLines: json("tax_lines").notNull().default([]),
    total: minorUnits("total").notNull(),
    refundedTotal: minorUnits("refunded_total").notNull().default(0),
    deliveredAt: epochMs("delivered_at"),
    returnWindowEndsAt: epochMs("return_window_ends_at"),
    completedAt: epochMs("completed_at"),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [
    index("seller_orders_order_idx").on(t.orderId),
    index("seller_orders_seller_idx").on(t.sellerId, t.status, t.createdAt),
    index("seller_orders_completion_idx").on(t.status, t.returnWindowEndsAt),
  ],
);

export const orderLines = mysqlTable(
  "order_lines",
  {
    id: id("id").primaryKey(),
    orderId: id("order_id").notNull(),
    sellerOrderId: id("seller_order_id").notNull(),
    listingId: id("listing_id").notNull(),
    /** `<order id>:<listing id>`: two ids and a colon. */
    reservationId: varchar("reservation_id", 128).notNull(),
    title: text("title").notNull(),
    isbn13: varchar("isbn13", 13).notNull(),
    condition: varchar("condition", 16).notNull(),
    quantity: int("quantity").notNull(),
    unitPrice: minorUnits("unit_price").notNull(),
    coverOptionId: id("cover_option_id"),
    coverName: varchar("cover_name", 255),
    coverPrice: minorUnits("cover_price").notNull().default(0),
    inscription: text("inscription"),
    discounts: json("discounts").notNull().default([]),
    discountTotal: minorUnits("discount_total").notNull().default(0),
    lineTotal: minorUnits("line_total").notNull(),
    refundedAmount: minorUnits("refunded_amount").notNull().default(0),
    refundedQuantity: int("refunded_quantity").notNull().default(0),
    restockedQuantity: int("restocked_quantity").notNull().default(0),
  },
  (t) => [index("order_lines_order_idx").on(t.orderId), index("order_lines_seller_order_idx").on(t.sellerOrderId)],
);

export const orderStatusHistory = mysqlTable(
  "order_status_history",
  {
    id: id("id").primaryKey(),
    orderId: id("order_id").notNull(),
    sellerOrderId: id("seller_order_id"),
    fromStatus: varchar("from_status", 32),
    toStatus: varchar("to_status", 32).notNull(),
    actor: varchar("actor", ACTOR).notNull(),
    reason: text("reason"),
    at: epochMs("at").notNull(),
  },
  (t) => [index("order_status_history_order_idx").on(t.orderId, t.at)],
);

export const shipments = mysqlTable(
  "shipments",
  {
    id: id("id").primaryKey(),
    sellerOrderId: id("seller_order_id").notNull(),
    orderId: id("order_id").notNull(),
    carrier: varchar("carrier", 64).notNull(),
    trackingNumber: varchar("tracking_number", 128).notNull(),
    trackingUrl: text("tracking_url"),
    shippedAt: epochMs("shipped_at").notNull(),
    deliveredAt: epochMs("delivered_at"),
  },
  (t) => [uniqueIndex("shipments_seller_order_idx").on(t.sellerOrderId), index("shipments_order_idx").on(t.orderId)],
);

export const orderRefunds = mysqlTable(
  "order_refunds",
  {
    id: id("id").primaryKey(),
    orderId: id("order_id").notNull(),
    /** `<orderId>:<actor>:<Idempotency-Key>` at most: 64 + 128 + 128 and the colons. */
    requestKey: varchar("request_key", 330).notNull(),
    state: varchar("state", 16).notNull(),
    amount: minorUnits("amount").notNull(),
    tax: minorUnits("tax").notNull().default(0),
    currency: varchar("currency", 3).notNull(),
    reason: text("reason").notNull(),
    restock: boolean("restock").notNull(),
    allocation: json("allocation").notNull(),
    actor: varchar("actor", ACTOR).notNull(),
    providerRefundId: varchar("provider_refund_id", 255),
    createdAt: epochMs("created_at").notNull(),
    completedAt: epochMs("completed_at"),
  },
  (t) => [
    uniqueIndex("order_refunds_request_idx").on(t.requestKey),
    index("order_refunds_order_idx").on(t.orderId),
    index("order_refunds_pending_idx").on(t.state, t.createdAt),
    index("order_refunds_completed_idx").on(t.completedAt),
  ],
);

export const returns = mysqlTable(
  "returns",
  {
    id: id("id").primaryKey(),
    orderId: id("order_id").notNull(),
    sellerOrderId: id("seller_order_id").notNull(),
    buyerId: id("buyer_id").notNull(),
    sellerId: id("seller_id").notNull(),
    status: varchar("status", 16).notNull(),
    reason: varchar("reason", 32).notNull(),
    comment: text("comment"),
    decisionNote: text("decision_note"),
    decidedBy: varchar("decided_by", ACTOR),
    restock: boolean("restock").notNull().default(false),
    carrier: varchar("carrier", 64),
    trackingNumber: varchar("tracking_number", 128),
    refundId: id("refund_id"),
    respondBy: epochMs("respond_by").notNull(),
    escalatedAt: epochMs("escalated_at"),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [
    index("returns_order_idx").on(t.orderId),
    index("returns_seller_order_idx").on(t.sellerOrderId),
    index("returns_seller_idx").on(t.sellerId, t.status, t.createdAt),
    index("returns_escalation_idx").on(t.status, t.respondBy),
  ],
);

export const returnLines = mysqlTable(
  "return_lines",
  {
    returnId: id("return_id").notNull(),
    lineId: id("line_id").notNull(),
    quantity: int("quantity").notNull(),
  },
  (t) => [primaryKey({ columns: [t.returnId, t.lineId] }), index("return_lines_line_idx").on(t.lineId)],
);

export const returnHistory = mysqlTable(
  "return_history",
  {
    id: id("id").primaryKey(),
    returnId: id("return_id").notNull(),
    fromStatus: varchar("from_status", 16),
    toStatus: varchar("to_status", 16).notNull(),
    actor: varchar("actor", ACTOR).notNull(),
    note: text("note"),
    at: epochMs("at").notNull(),
  },
  (t) => [index("return_history_return_idx").on(t.returnId, t.at)],
);
