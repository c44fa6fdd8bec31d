import { and, desc, eq, inArray, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { orderLines, orderStatusHistory, orders, sellerOrders, shipments } from "../../schema";
import type { Db } from "../platform/db";
import type { OrderStatus, SellerOrderStatus } from "./states";

/**
 * Drizzle queries on the orders module's tables, and nothing else. Writes are returned unexecuted so a service
 * can commit several of them, plus outbox rows, in one D1 batch.
 */
export type OrderRow = typeof orders.$inferSelect;
export type SellerOrderRow = typeof sellerOrders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;
export type HistoryRow = typeof orderStatusHistory.$inferSelect;
export type ShipmentRow = typeof shipments.$inferSelect;

export const insertOrder = (db: Db, row: typeof orders.$inferInsert) => db.insert(orders).values(row);
export const insertSellerOrder = (db: Db, row: typeof sellerOrders.$inferInsert) => db.insert(sellerOrders).values(row);
export const insertLine = (db: Db, row: typeof orderLines.$inferInsert) => db.insert(orderLines).values(row);
export const insertHistory = (db: Db, row: typeof orderStatusHistory.$inferInsert) =>
  db.insert(orderStatusHistory).values(row);

export const orderById = (db: Db, id: string) => db.select().from(orders).where(eq(orders.id, id)).get();

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
 * which the NOT NULL column refuses, so the whole D1 batch rolls back instead of writing history and events
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
        after
          ? or(
              lt(orders.createdAt, after.createdAt),
              and(eq(orders.createdAt, after.createdAt), lt(orders.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit);
}

export const linesOfOrders = (db: Db, orderIds: string[]) =>
  orderIds.length ? db.select().from(orderLines).where(inArray(orderLines.orderId, orderIds)) : Promise.resolve([]);

/** Unpaid orders whose hold has run out, oldest first. */
export function unpaidPastHold(db: Db, now: number, limit: number) {
  return db
    .select()
    .from(orders)
    .where(and(inArray(orders.status, ["pending_payment", "payment_failed"]), lte(orders.holdExpiresAt, now)))
    .orderBy(orders.holdExpiresAt)
    .limit(limit);
}
