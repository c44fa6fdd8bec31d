import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { LineDiscount } from "./promotions";
import type { TaxLine } from "./tax";

export const ORDER_STATUSES = [
  "pending_payment",
  /** The provider accepted a payment that takes days to settle (a bank debit): its copies stay held meanwhile. */
  "payment_processing",
  "paid",
  "payment_failed",
  "expired",
  "cancelled",
  "partially_refunded",
  "refunded",
  /** Every seller order completed: delivered, its return window over, no return open. */
  "completed",
] as const;
export const SELLER_ORDER_STATUSES = [
  "pending_payment",
  "payment_processing",
  "paid",
  "shipped",
  "delivered",
  "payment_failed",
  "expired",
  "cancelled",
  "partially_refunded",
  "refunded",
  /** Delivered and its return window over with no return open: the seller's money goes out (payouts). */
  "completed",
] as const;

export const RETURN_REASONS = ["damaged", "not_as_described", "wrong_item", "changed_mind", "other"] as const;
/**
 * A return's life: the buyer asks (`requested`); the seller (or, after 3 days unanswered, an admin: `escalated`)
 * approves or rejects; the buyer sends the copies back (`in_transit`, with tracking); the seller marks them
 * received, which refunds them (`refunded`).
 */
export const RETURN_STATUSES = ["requested", "escalated", "approved", "rejected", "in_transit", "refunded"] as const;

/** A buyer's order: totals in minor units of one currency, the address it ships to, the hold on its stock. */
export const orders = sqliteTable(
  "orders",
  {
    id: text("id").primaryKey(),
    buyerId: text("buyer_id").notNull(),
    status: text("status", { enum: ORDER_STATUSES }).notNull(),
    currency: text("currency").notNull(),
    itemsTotal: integer("items_total").notNull(),
    coversTotal: integer("covers_total").notNull(),
    shippingTotal: integer("shipping_total").notNull(),
    /** Promotions' discounts on the books, of which `sellerFundedDiscount` the sellers carry (the rest the marketplace). */
    discountTotal: integer("discount_total").notNull().default(0),
    sellerFundedDiscount: integer("seller_funded_discount").notNull().default(0),
    /** The tax included in `total`, and how it divides per rate (the seller orders' tax lines added up). */
    tax: integer("tax").notNull().default(0),
    taxLines: text("tax_lines", { mode: "json" }).$type<TaxLine[]>().notNull().default([]),
    /** The destination the tax was charged for (the shipping address's country), for the tax report. */
    taxCountry: text("tax_country").notNull().default(""),
    total: integer("total").notNull(),
    refundedTotal: integer("refunded_total").notNull().default(0),
    /** Refunded as a marketplace goodwill credit, charged to no seller order: the rest of `refundedTotal` is theirs. */
    goodwillTotal: integer("goodwill_total").notNull().default(0),
    shippingAddress: text("shipping_address", { mode: "json" }).notNull(),
    shippingMethod: text("shipping_method", { enum: ["standard", "express"] }).notNull(),
    holdExpiresAt: integer("hold_expires_at").notNull(),
    cancelReason: text("cancel_reason"),
    paidAt: integer("paid_at"),
    completedAt: integer("completed_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("orders_buyer_idx").on(t.buyerId, t.createdAt),
    index("orders_hold_idx").on(t.status, t.holdExpiresAt),
    // A buyer's unpaid orders still on hold, which checkout counts (and the orders_hold_idx would make it scan all).
    index("orders_buyer_unpaid_idx").on(t.buyerId, t.status, t.holdExpiresAt),
    index("orders_updated_idx").on(t.updatedAt),
    index("orders_paid_idx").on(t.paidAt),
  ],
);

/** The part of an order one seller fulfils, with its own shipping charge and status. */
export const sellerOrders = sqliteTable(
  "seller_orders",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id").notNull(),
    sellerId: text("seller_id").notNull(),
    status: text("status", { enum: SELLER_ORDER_STATUSES }).notNull(),
    itemsTotal: integer("items_total").notNull(),
    coversTotal: integer("covers_total").notNull(),
    shippingTotal: integer("shipping_total").notNull(),
    /** Discounts on this seller's lines: `sellerFundedDiscount` lowers the seller's proceeds, the rest does not. */
    discountTotal: integer("discount_total").notNull().default(0),
    sellerFundedDiscount: integer("seller_funded_discount").notNull().default(0),
    tax: integer("tax").notNull().default(0),
    taxLines: text("tax_lines", { mode: "json" }).$type<TaxLine[]>().notNull().default([]),
    /** What the buyer pays for this part: items + covers + shipping − discounts. */
    total: integer("total").notNull(),
    refundedTotal: integer("refunded_total").notNull().default(0),
    deliveredAt: integer("delivered_at"),
    /** Set at delivery: delivery plus the seller's return window (or RETURN_WINDOW_SECONDS where that is set). */
    returnWindowEndsAt: integer("return_window_ends_at"),
    completedAt: integer("completed_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("seller_orders_order_idx").on(t.orderId),
    index("seller_orders_seller_idx").on(t.sellerId, t.status, t.createdAt),
    index("seller_orders_completion_idx").on(t.status, t.returnWindowEndsAt),
  ],
);

/** One line as bought: price, cover option and inscription are copied, so later edits never change the order. */
export const orderLines = sqliteTable(
  "order_lines",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id").notNull(),
    sellerOrderId: text("seller_order_id").notNull(),
    listingId: text("listing_id").notNull(),
    reservationId: text("reservation_id").notNull(),
    title: text("title").notNull(),
    isbn13: text("isbn13").notNull(),
    condition: text("condition").notNull(),
    quantity: integer("quantity").notNull(),
    unitPrice: integer("unit_price").notNull(),
    coverOptionId: text("cover_option_id"),
    coverName: text("cover_name"),
    coverPrice: integer("cover_price").notNull().default(0),
    inscription: text("inscription"),
    /** Every promotion's share of this line, as applied at checkout; they add up to `discountTotal`. */
    discounts: text("discounts", { mode: "json" }).$type<LineDiscount[]>().notNull().default([]),
    discountTotal: integer("discount_total").notNull().default(0),
    /** What the buyer pays for the line: (unit price + cover price) × quantity − discounts. Refunds give back this. */
    lineTotal: integer("line_total").notNull(),
    refundedAmount: integer("refunded_amount").notNull().default(0),
    /** Copies refunded, and of those, copies put back into stock; neither can exceed `quantity`. */
    refundedQuantity: integer("refunded_quantity").notNull().default(0),
    restockedQuantity: integer("restocked_quantity").notNull().default(0),
  },
  (t) => [index("order_lines_order_idx").on(t.orderId), index("order_lines_seller_order_idx").on(t.sellerOrderId)],
);

/** Every transition of an order or one of its seller orders: from, to, who, why, when. */
export const orderStatusHistory = sqliteTable(
  "order_status_history",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id").notNull(),
    sellerOrderId: text("seller_order_id"),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    actor: text("actor").notNull(),
    reason: text("reason"),
    at: integer("at").notNull(),
  },
  (t) => [index("order_status_history_order_idx").on(t.orderId, t.at)],
);

export const shipments = sqliteTable(
  "shipments",
  {
    id: text("id").primaryKey(),
    sellerOrderId: text("seller_order_id").notNull(),
    orderId: text("order_id").notNull(),
    carrier: text("carrier").notNull(),
    trackingNumber: text("tracking_number").notNull(),
    trackingUrl: text("tracking_url"),
    shippedAt: integer("shipped_at").notNull(),
    deliveredAt: integer("delivered_at"),
  },
  (t) => [uniqueIndex("shipments_seller_order_idx").on(t.sellerOrderId), index("shipments_order_idx").on(t.orderId)],
);

/**
 * Money given back on an order, as the orders module accounts for it: which seller order and lines it covers,
 * whether copies went back into stock. A refund is claimed here (`pending`, its amounts added to the order)
 * before the provider is asked, and marked `succeeded` after; its id is the provider's idempotency key, so a
 * refund resumed after a crash is never paid twice.
 */
export const orderRefunds = sqliteTable(
  "order_refunds",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id").notNull(),
    /** Caller scope plus the request's Idempotency-Key, or a system key such as `<orderId>:cancellation`. */
    requestKey: text("request_key").notNull(),
    state: text("state", { enum: ["pending", "succeeded"] }).notNull(),
    amount: integer("amount").notNull(),
    /** The tax included in `amount` (the refunded lines' share of their seller orders' tax). */
    tax: integer("tax").notNull().default(0),
    currency: text("currency").notNull(),
    reason: text("reason").notNull(),
    restock: integer("restock", { mode: "boolean" }).notNull(),
    allocation: text("allocation", { mode: "json" }).$type<RefundAllocation>().notNull(),
    actor: text("actor").notNull(),
    providerRefundId: text("provider_refund_id"),
    createdAt: integer("created_at").notNull(),
    completedAt: integer("completed_at"),
  },
  (t) => [
    uniqueIndex("order_refunds_request_idx").on(t.requestKey),
    index("order_refunds_order_idx").on(t.orderId),
    index("order_refunds_pending_idx").on(t.state, t.createdAt),
    index("order_refunds_completed_idx").on(t.completedAt),
  ],
);

/**
 * How a refund's amount divides: per seller order (shipping included, and the tax in it) and per line (copies and
 * amount), plus what an admin gives as a marketplace goodwill credit; the seller orders' amounts and the goodwill
 * add up to the refund, their taxes to its tax.
 */
export interface RefundAllocation {
  /** `tax` is absent on refunds recorded before tax was broken out. */
  sellerOrders: { sellerOrderId: string; amount: number; tax?: number }[];
  lines: { lineId: string; sellerOrderId: string; quantity: number; amount: number }[];
  goodwill?: number;
}

/** A buyer's request to send copies of one seller order back for a refund. */
export const returns = sqliteTable(
  "returns",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id").notNull(),
    sellerOrderId: text("seller_order_id").notNull(),
    buyerId: text("buyer_id").notNull(),
    sellerId: text("seller_id").notNull(),
    status: text("status", { enum: RETURN_STATUSES }).notNull(),
    reason: text("reason", { enum: RETURN_REASONS }).notNull(),
    comment: text("comment"),
    /** Why it was approved or rejected, and by whom (`seller:<id>` or `admin:<id>`). */
    decisionNote: text("decision_note"),
    decidedBy: text("decided_by"),
    /** Put the copies back into stock when they arrive (the seller's choice at approval or receipt). */
    restock: integer("restock", { mode: "boolean" }).notNull().default(false),
    carrier: text("carrier"),
    trackingNumber: text("tracking_number"),
    /** The refund the receipt issued (orders' `order_refunds`). */
    refundId: text("refund_id"),
    /** Unanswered by then, the request goes to admins. */
    respondBy: integer("respond_by").notNull(),
    escalatedAt: integer("escalated_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("returns_order_idx").on(t.orderId),
    index("returns_seller_order_idx").on(t.sellerOrderId),
    index("returns_seller_idx").on(t.sellerId, t.status, t.createdAt),
    index("returns_escalation_idx").on(t.status, t.respondBy),
  ],
);

/** The copies a return covers: at most what was bought and not yet refunded or returned. */
export const returnLines = sqliteTable(
  "return_lines",
  {
    returnId: text("return_id").notNull(),
    lineId: text("line_id").notNull(),
    quantity: integer("quantity").notNull(),
  },
  (t) => [primaryKey({ columns: [t.returnId, t.lineId] }), index("return_lines_line_idx").on(t.lineId)],
);

/** Every step of a return: from, to, who, a note, when. */
export const returnHistory = sqliteTable(
  "return_history",
  {
    id: text("id").primaryKey(),
    returnId: text("return_id").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    actor: text("actor").notNull(),
    note: text("note"),
    at: integer("at").notNull(),
  },
  (t) => [index("return_history_return_idx").on(t.returnId, t.at)],
);
