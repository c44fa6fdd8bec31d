import { and, desc, eq, gt, inArray, isNotNull, lt, lte, ne, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { orderLines, orderRefunds, orderStatusHistory, orders, sellerOrders, shipments } from "../../../schema/orders";
import { readChunked } from "../../lib/chunked";
import { olderThan } from "../../lib/keyset";
import type { Db, Statement } from "../../platform/db";
import type { OrderStatus, SellerOrderStatus } from "../states";
import { notShipped, TO_SHIP } from "./reports";

export * from "./reports";
export * from "./returns";
export * from "./weekly";

/**
 * Drizzle queries on the orders module's tables, and nothing else. Writes are returned unexecuted so a service
 * can commit several of them, plus outbox rows, atomically.
 */
export type OrderRow = typeof orders.$inferSelect;
export type SellerOrderRow = typeof sellerOrders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;
export type HistoryRow = typeof orderStatusHistory.$inferSelect;
export type ShipmentRow = typeof shipments.$inferSelect;
export type RefundRow = typeof orderRefunds.$inferSelect;

export const insertOrder = (db: Db, row: typeof orders.$inferInsert) => db.insert(orders).values(row);
export const insertSellerOrder = (db: Db, row: typeof sellerOrders.$inferInsert) => db.insert(sellerOrders).values(row);
export const insertLine = (db: Db, row: typeof orderLines.$inferInsert) => db.insert(orderLines).values(row);
export const insertHistory = (db: Db, row: typeof orderStatusHistory.$inferInsert) =>
  db.insert(orderStatusHistory).values(row);

export async function orderById(db: Db, id: string) {
  const [order] = await db.select().from(orders).where(eq(orders.id, id)).limit(1);
  return order;
}

export const sellerOrdersOf = (db: Db, orderId: string) =>
  db.select().from(sellerOrders).where(eq(sellerOrders.orderId, orderId)).orderBy(sellerOrders.id);

export const linesOf = (db: Db, orderId: string) =>
  db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(orderLines.id);

export const historyOf = (db: Db, orderId: string) =>
  db
    .select()
    .from(orderStatusHistory)
    .where(eq(orderStatusHistory.orderId, orderId))
    .orderBy(orderStatusHistory.at, orderStatusHistory.id);

export const shipmentsOf = (db: Db, orderId: string) =>
  db.select().from(shipments).where(eq(shipments.orderId, orderId));

/**
 * A compare-and-set status: the row takes `to` only if it is still in `expected`; otherwise the value is NULL,
 * which the NOT NULL column refuses, so the whole atomic write rolls back instead of writing history and events
 * for a change that did not happen.
 */
function casStatus(column: SQLiteColumn, expected: string, to: string): SQL {
  return sql`CASE WHEN ${column} = ${expected} THEN ${to} ELSE NULL END`;
}

export function moveOrder(
  db: Db,
  order: Pick<OrderRow, "id" | "status">,
  to: OrderStatus,
  patch: Partial<Omit<typeof orders.$inferInsert, "id" | "status">> & { updatedAt: number },
) {
  return db
    .update(orders)
    .set({ ...patch, status: casStatus(orders.status, order.status, to) as unknown as OrderStatus })
    .where(eq(orders.id, order.id));
}

export function moveSellerOrder(
  db: Db,
  sellerOrder: Pick<SellerOrderRow, "id" | "status">,
  to: SellerOrderStatus,
  patch: Partial<Omit<typeof sellerOrders.$inferInsert, "id" | "status">> & { updatedAt: number },
) {
  return db
    .update(sellerOrders)
    .set({ ...patch, status: casStatus(sellerOrders.status, sellerOrder.status, to) as unknown as SellerOrderStatus })
    .where(eq(sellerOrders.id, sellerOrder.id));
}

/** One statement of a batch, so not chunked: `lineIds` are one listing's lines in one order (a cart holds at most 50). */
export function setLineReservation(db: Db, lineIds: string[], reservationId: string) {
  return db.update(orderLines).set({ reservationId }).where(inArray(orderLines.id, lineIds));
}

/** A buyer's orders, newest first, after the cursor's (createdAt, id). */
export function ordersOfBuyer(db: Db, buyerId: string, limit: number, after?: { createdAt: number; id: string }) {
  return db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.buyerId, buyerId),
        after ? olderThan(orders.createdAt, orders.id, { time: after.createdAt, id: after.id }) : undefined,
      ),
    )
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit);
}

export const linesOfOrders = (db: Db, orderIds: string[]) =>
  readChunked(orderIds, (ids) => db.select().from(orderLines).where(inArray(orderLines.orderId, ids)));

const UNPAID = ["pending_payment", "payment_failed"] as const;

/** A buyer's unpaid orders whose hold still runs, newest first. */
export const unpaidOrdersOf = (db: Db, buyerId: string, now: number, limit: number) =>
  db
    .select()
    .from(orders)
    .where(and(eq(orders.buyerId, buyerId), inArray(orders.status, UNPAID), gt(orders.holdExpiresAt, now)))
    .orderBy(desc(orders.createdAt))
    .limit(limit);

/**
 * Run in the batch that writes a new order, after it: aborts the batch (a NULL into a NOT NULL column) when the
 * buyer would then have more than `max` unpaid orders, so two checkouts at once cannot both pass the count.
 */
export function guardUnpaidOrders(db: Db, order: Pick<OrderRow, "id" | "buyerId">, now: number, max: number) {
  const held = and(eq(orders.buyerId, order.buyerId), inArray(orders.status, UNPAID), gt(orders.holdExpiresAt, now));
  // Counted in a derived table: MySQL refuses a subquery that reads the table being updated directly.
  const unpaid = sql`(SELECT unpaid FROM (SELECT COUNT(*) AS unpaid FROM ${orders} WHERE ${held}) AS buyer_unpaid)`;
  return db
    .update(orders)
    .set({
      holdExpiresAt: sql`CASE WHEN ${unpaid} > ${max} THEN NULL ELSE ${orders.holdExpiresAt} END` as unknown as number,
    })
    .where(eq(orders.id, order.id));
}

/** Unpaid orders (a processing payment's included) whose hold has run out, oldest first. */
export function unpaidPastHold(db: Db, now: number, limit: number) {
  const unpaid = ["pending_payment", "payment_processing", "payment_failed"] as const;
  return db
    .select()
    .from(orders)
    .where(and(inArray(orders.status, unpaid), lte(orders.holdExpiresAt, now)))
    .orderBy(orders.holdExpiresAt)
    .limit(limit);
}

/** `column + delta`, but only if the column still holds what was read (NULL, and so an aborted batch, otherwise). */
function casAdd(column: SQLiteColumn, read: number, delta: number): SQL {
  return sql`CASE WHEN ${column} = ${read} THEN ${read + delta} ELSE NULL END`;
}

/** Adds to what the order refunded, `goodwill` of it charged to no seller order. */
export function addOrderRefunded(
  db: Db,
  order: Pick<OrderRow, "id" | "refundedTotal" | "goodwillTotal">,
  delta: { amount: number; goodwill: number },
  now: number,
) {
  return db
    .update(orders)
    .set({
      refundedTotal: casAdd(orders.refundedTotal, order.refundedTotal, delta.amount) as unknown as number,
      goodwillTotal: casAdd(orders.goodwillTotal, order.goodwillTotal, delta.goodwill) as unknown as number,
      updatedAt: now,
    })
    .where(eq(orders.id, order.id));
}

export function addSellerOrderRefunded(
  db: Db,
  sellerOrder: Pick<SellerOrderRow, "id" | "refundedTotal">,
  delta: number,
  now: number,
) {
  return db
    .update(sellerOrders)
    .set({
      refundedTotal: casAdd(sellerOrders.refundedTotal, sellerOrder.refundedTotal, delta) as unknown as number,
      updatedAt: now,
    })
    .where(eq(sellerOrders.id, sellerOrder.id));
}

export function addLineRefunded(
  db: Db,
  line: Pick<OrderLineRow, "id" | "refundedAmount" | "refundedQuantity" | "restockedQuantity">,
  delta: { amount: number; quantity: number; restocked: number },
) {
  return db
    .update(orderLines)
    .set({
      refundedAmount: casAdd(orderLines.refundedAmount, line.refundedAmount, delta.amount) as unknown as number,
      refundedQuantity: casAdd(orderLines.refundedQuantity, line.refundedQuantity, delta.quantity) as unknown as number,
      restockedQuantity: casAdd(
        orderLines.restockedQuantity,
        line.restockedQuantity,
        delta.restocked,
      ) as unknown as number,
    })
    .where(eq(orderLines.id, line.id));
}

export const insertRefund = (db: Db, row: typeof orderRefunds.$inferInsert) => db.insert(orderRefunds).values(row);

export async function refundByKey(db: Db, requestKey: string) {
  const [refund] = await db.select().from(orderRefunds).where(eq(orderRefunds.requestKey, requestKey)).limit(1);
  return refund;
}

export const refundsOf = (db: Db, orderId: string) =>
  db.select().from(orderRefunds).where(eq(orderRefunds.orderId, orderId)).orderBy(orderRefunds.createdAt);

/** pending → succeeded, or an aborted batch if another attempt completed it first. */
export function completeRefund(db: Db, refundId: string, providerRefundId: string | null, now: number) {
  return db
    .update(orderRefunds)
    .set({
      state: sql`CASE WHEN ${orderRefunds.state} = 'pending' THEN 'succeeded' ELSE NULL END` as unknown as "succeeded",
      providerRefundId,
      completedAt: now,
    })
    .where(eq(orderRefunds.id, refundId));
}

export const deletePendingRefund = (db: Db, refundId: string) =>
  db.delete(orderRefunds).where(and(eq(orderRefunds.id, refundId), eq(orderRefunds.state, "pending")));

/** Refunds claimed but not completed since `before` (a crash between the provider and the completion). */
export const stalePendingRefunds = (db: Db, before: number, limit: number) =>
  db
    .select()
    .from(orderRefunds)
    .where(and(eq(orderRefunds.state, "pending"), lt(orderRefunds.createdAt, before)))
    .orderBy(orderRefunds.createdAt)
    .limit(limit);

export async function sellerOrderById(db: Db, id: string) {
  const [sellerOrder] = await db.select().from(sellerOrders).where(eq(sellerOrders.id, id)).limit(1);
  return sellerOrder;
}

/**
 * A seller's seller orders, newest first, optionally in one status or only those still to send, after the cursor's
 * (createdAt, id).
 */
export function sellerOrdersOfSeller(
  db: Db,
  sellerId: string,
  filter: { status?: SellerOrderStatus; toShip?: boolean; limit: number; after?: { createdAt: number; id: string } },
) {
  const { after } = filter;
  return db
    .select()
    .from(sellerOrders)
    .where(
      and(
        eq(sellerOrders.sellerId, sellerId),
        filter.status ? eq(sellerOrders.status, filter.status) : undefined,
        filter.toShip ? and(inArray(sellerOrders.status, [...TO_SHIP]), notShipped(db)) : undefined,
        after ? olderThan(sellerOrders.createdAt, sellerOrders.id, { time: after.createdAt, id: after.id }) : undefined,
      ),
    )
    .orderBy(desc(sellerOrders.createdAt), desc(sellerOrders.id))
    .limit(filter.limit);
}

/**
 * Everything a seller order's page shows, as reads keyed by its id alone, so they go out together: the seller
 * order, its order, lines, shipment, history and the order's refunds. The caller checks whose it is.
 */
export function sellerOrderPageReads(db: Db, sellerOrderId: string): Statement[] {
  const orderOf = () =>
    db.select({ orderId: sellerOrders.orderId }).from(sellerOrders).where(eq(sellerOrders.id, sellerOrderId));
  return [
    db.select().from(sellerOrders).where(eq(sellerOrders.id, sellerOrderId)).limit(1),
    db.select().from(orders).where(inArray(orders.id, orderOf())).limit(1),
    db.select().from(orderLines).where(eq(orderLines.sellerOrderId, sellerOrderId)).orderBy(orderLines.id),
    db.select().from(shipments).where(eq(shipments.sellerOrderId, sellerOrderId)),
    db
      .select()
      .from(orderStatusHistory)
      .where(and(inArray(orderStatusHistory.orderId, orderOf()), eq(orderStatusHistory.sellerOrderId, sellerOrderId)))
      .orderBy(orderStatusHistory.at, orderStatusHistory.id),
    db.select().from(orderRefunds).where(inArray(orderRefunds.orderId, orderOf())).orderBy(orderRefunds.createdAt),
  ];
}

export type SellerOrderPageRows = [
  SellerOrderRow[],
  OrderRow[],
  OrderLineRow[],
  ShipmentRow[],
  HistoryRow[],
  RefundRow[],
];

export const ordersByIds = (db: Db, orderIds: string[]) =>
  readChunked(orderIds, (ids) => db.select().from(orders).where(inArray(orders.id, ids)));

export const linesOfSellerOrders = async (db: Db, sellerOrderIds: string[]) =>
  (
    await readChunked(sellerOrderIds, (ids) =>
      db.select().from(orderLines).where(inArray(orderLines.sellerOrderId, ids)),
    )
  ).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export const shipmentsOfSellerOrders = (db: Db, sellerOrderIds: string[]) =>
  readChunked(sellerOrderIds, (ids) => db.select().from(shipments).where(inArray(shipments.sellerOrderId, ids)));

export const insertShipment = (db: Db, row: typeof shipments.$inferInsert) => db.insert(shipments).values(row);

/**
 * One of the buyer's order lines of these ISBNs in a seller order that was delivered and not refunded in full (a
 * book sent back is not a purchase), or none.
 */
export const deliveredLinesOf = (db: Db, buyerId: string, isbns: string[]) =>
  db
    .select({ id: orderLines.id })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .innerJoin(sellerOrders, eq(sellerOrders.id, orderLines.sellerOrderId))
    .innerJoin(shipments, eq(shipments.sellerOrderId, orderLines.sellerOrderId))
    .where(
      and(
        eq(orders.buyerId, buyerId),
        inArray(orderLines.isbn13, isbns),
        isNotNull(shipments.deliveredAt),
        ne(sellerOrders.status, "refunded"),
      ),
    )
    .limit(1);

/** A seller order of the buyer's, with when its parcel arrived (null: not yet); none when it is not theirs. */
export async function buyersSellerOrder(db: Db, buyerId: string, sellerOrderId: string) {
  const [row] = await db
    .select({ id: sellerOrders.id, sellerId: sellerOrders.sellerId, deliveredAt: shipments.deliveredAt })
    .from(sellerOrders)
    .innerJoin(orders, eq(orders.id, sellerOrders.orderId))
    .leftJoin(shipments, eq(shipments.sellerOrderId, sellerOrders.id))
    .where(and(eq(sellerOrders.id, sellerOrderId), eq(orders.buyerId, buyerId)))
    .limit(1);
  return row;
}

export const markDelivered = (db: Db, sellerOrderId: string, at: number) =>
  db.update(shipments).set({ deliveredAt: at }).where(eq(shipments.sellerOrderId, sellerOrderId));

/** Orders changed since `since`, in pages (reconciliation). */
export const ordersChangedSince = (db: Db, since: number, after: string | undefined, limit: number) =>
  db
    .select()
    .from(orders)
    .where(and(sql`${orders.updatedAt} >= ${since}`, after ? sql`${orders.id} > ${after}` : undefined))
    .orderBy(orders.id)
    .limit(limit);

/** What completed refunds add up to, per order. */
export const settledRefundTotals = (db: Db, orderIds: string[]) =>
  readChunked(orderIds, (ids) =>
    db
      .select({ orderId: orderRefunds.orderId, total: sql<number>`SUM(${orderRefunds.amount})` })
      .from(orderRefunds)
      .where(and(inArray(orderRefunds.orderId, ids), eq(orderRefunds.state, "succeeded")))
      .groupBy(orderRefunds.orderId),
  );

/** Per order: what its seller orders refunded, and how many of them refunded more than their total. */
export const sellerOrderRefundTotals = (db: Db, orderIds: string[]) =>
  readChunked(orderIds, (ids) =>
    db
      .select({
        orderId: sellerOrders.orderId,
        refunded: sql<number>`SUM(${sellerOrders.refundedTotal})`,
        overRefunded: sql<number>`SUM(CASE WHEN ${sellerOrders.refundedTotal} > ${sellerOrders.total} THEN 1 ELSE 0 END)`,
      })
      .from(sellerOrders)
      .where(inArray(sellerOrders.orderId, ids))
      .groupBy(sellerOrders.orderId),
  );

export const linesOfOrder = (db: Db, orderId: string) =>
  db
    .select({ id: orderLines.id, isbn13: orderLines.isbn13, quantity: orderLines.quantity })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId));
