import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, notExists, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { orderLines, orderRefunds, orders, sellerOrders, shipments } from "../../../schema/orders";
import type { Db } from "../../platform/db";
import type { SellerOrderStatus } from "../states";

/**
 * A seller's figures, summed by the database: sales by the day their order was paid, refunds by the day they were
 * issued, parcels by the day they left. Each query is a builder, so a report sends them all in one `readTogether`.
 */

/** A half-open span of epoch milliseconds, [start, end). */
export interface Span {
  start: number;
  end: number;
}

/**
 * The UTC midnight of an epoch-ms column: integer arithmetic that both dialects evaluate alike (SQLite has no
 * FLOOR without its math extension; MySQL's `/` answers a decimal).
 */
export const utcDay = (column: SQLiteColumn): SQL<number> => sql<number>`(${column} - (${column} % 86400000))`;

export const within = (column: SQLiteColumn, span: Span) => and(gte(column, span.start), lt(column, span.end));

/** The seller's lines whose order was paid within the span: what they sold then. */
const soldBy = (sellerId: string, span: Span) =>
  and(eq(sellerOrders.sellerId, sellerId), isNotNull(orders.paidAt), within(orders.paidAt, span));

/** Revenue (line totals, covers included) and copies sold, per UTC day of payment. */
export function dailySales(db: Db, sellerId: string, span: Span) {
  return db
    .select({
      day: utcDay(orders.paidAt),
      revenue: sql<number>`SUM(${orderLines.lineTotal})`,
      units: sql<number>`SUM(${orderLines.quantity})`,
    })
    .from(orderLines)
    .innerJoin(sellerOrders, eq(sellerOrders.id, orderLines.sellerOrderId))
    .innerJoin(orders, eq(orders.id, sellerOrders.orderId))
    .where(soldBy(sellerId, span))
    .groupBy(utcDay(orders.paidAt));
}

/** The seller's best-selling books of the span, by copies (then revenue, then ISBN, so ties read the same). */
export function topBooks(db: Db, sellerId: string, span: Span, limit: number) {
  const units = sql<number>`SUM(${orderLines.quantity})`;
  const revenue = sql<number>`SUM(${orderLines.lineTotal})`;
  return db
    .select({ isbn13: orderLines.isbn13, title: sql<string>`MAX(${orderLines.title})`, units, revenue })
    .from(orderLines)
    .innerJoin(sellerOrders, eq(sellerOrders.id, orderLines.sellerOrderId))
    .innerJoin(orders, eq(orders.id, sellerOrders.orderId))
    .where(soldBy(sellerId, span))
    .groupBy(orderLines.isbn13)
    .orderBy(desc(units), desc(revenue), asc(orderLines.isbn13))
    .limit(limit);
}

/**
 * Succeeded refunds issued within the span on orders the seller sold in, with the seller's seller order there: the
 * allocation says how much of each was the seller's (an admin's goodwill credit is no one's). The seller order's id
 * is aliased: a D1 batch hands rows back keyed by column name, and two `id`s would collapse into one.
 */
export function refundsOfSeller(db: Db, sellerId: string, span: Span) {
  return db
    .select({
      id: orderRefunds.id,
      sellerOrderId: sql<string>`${sellerOrders.id}`.as("seller_order_id"),
      allocation: orderRefunds.allocation,
      createdAt: orderRefunds.createdAt,
    })
    .from(orderRefunds)
    .innerJoin(sellerOrders, eq(sellerOrders.orderId, orderRefunds.orderId))
    .where(
      and(
        eq(sellerOrders.sellerId, sellerId),
        eq(orderRefunds.state, "succeeded"),
        within(orderRefunds.createdAt, span),
      ),
    );
}

/** Parcels sent within the span, per UTC day of sending, with the time from payment to sending summed. */
export function dailyShipping(db: Db, sellerId: string, span: Span) {
  return db
    .select({
      day: utcDay(shipments.shippedAt),
      shipped: count(),
      paidToShippedMs: sql<number>`SUM(${shipments.shippedAt} - ${orders.paidAt})`,
    })
    .from(shipments)
    .innerJoin(sellerOrders, eq(sellerOrders.id, shipments.sellerOrderId))
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(and(eq(sellerOrders.sellerId, sellerId), isNotNull(orders.paidAt), within(shipments.shippedAt, span)))
    .groupBy(utcDay(shipments.shippedAt));
}

/** Statuses of a paid seller order that still has to be sent (a partial refund does not send it). */
export const TO_SHIP: readonly SellerOrderStatus[] = ["paid", "partially_refunded"];

/** The seller order has no shipment yet. */
export const notShipped = (db: Db) =>
  notExists(db.select({ id: shipments.id }).from(shipments).where(eq(shipments.sellerOrderId, sellerOrders.id)));

const awaitingShipment = (db: Db, sellerId: string) =>
  and(eq(sellerOrders.sellerId, sellerId), inArray(sellerOrders.status, [...TO_SHIP]), notShipped(db));

export function awaitingShipmentCount(db: Db, sellerId: string) {
  return db.select({ awaiting: count() }).from(sellerOrders).where(awaitingShipment(db, sellerId));
}

/** The seller orders waiting longest since payment, with their copies counted. */
export function longestAwaitingShipment(db: Db, sellerId: string, limit: number) {
  return db
    .select({
      id: sellerOrders.id,
      orderId: sellerOrders.orderId,
      status: sellerOrders.status,
      total: sellerOrders.total,
      createdAt: sellerOrders.createdAt,
      paidAt: orders.paidAt,
      units: sql<number>`(SELECT SUM(${orderLines.quantity}) FROM ${orderLines} WHERE ${orderLines.sellerOrderId} = ${sellerOrders.id})`,
    })
    .from(sellerOrders)
    .innerJoin(orders, eq(orders.id, sellerOrders.orderId))
    .where(awaitingShipment(db, sellerId))
    .orderBy(asc(orders.paidAt), asc(sellerOrders.id))
    .limit(limit);
}
