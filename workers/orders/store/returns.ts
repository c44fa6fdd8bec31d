import { and, desc, eq, inArray, isNotNull, lte, type SQL, sql } from "drizzle-orm";
import { type RETURN_STATUSES, returnHistory, returnLines, returns, sellerOrders } from "../../../schema/orders";
import { readChunked } from "../../lib/chunked";
import { olderThan } from "../../lib/keyset";
import type { Db } from "../../platform/db";

/** Returns, their lines and history; writes unexecuted, for the services' atomic batches. */
export type ReturnRow = typeof returns.$inferSelect;
export type ReturnLineRow = typeof returnLines.$inferSelect;
export type ReturnHistoryRow = typeof returnHistory.$inferSelect;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/** A return still under way: its copies are spoken for and its seller order cannot complete. */
export const OPEN_RETURN_STATUSES = [
  "requested",
  "escalated",
  "approved",
  "in_transit",
] as const satisfies ReturnStatus[];

export const insertReturn = (db: Db, row: typeof returns.$inferInsert) => db.insert(returns).values(row);
export const insertReturnLines = (db: Db, rows: (typeof returnLines.$inferInsert)[]) =>
  db.insert(returnLines).values(rows);
export const insertReturnHistory = (db: Db, row: typeof returnHistory.$inferInsert) =>
  db.insert(returnHistory).values(row);

export async function returnById(db: Db, id: string) {
  const [row] = await db.select().from(returns).where(eq(returns.id, id)).limit(1);
  return row;
}

export const returnsOfOrder = (db: Db, orderId: string) =>
  db.select().from(returns).where(eq(returns.orderId, orderId)).orderBy(returns.createdAt, returns.id);

export const returnLinesOf = (db: Db, returnIds: string[]) =>
  readChunked(returnIds, (ids) => db.select().from(returnLines).where(inArray(returnLines.returnId, ids)));

export const returnHistoryOf = async (db: Db, returnIds: string[]) =>
  (
    await readChunked(returnIds, (ids) => db.select().from(returnHistory).where(inArray(returnHistory.returnId, ids)))
  ).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));

/** The copies of these lines in returns still under way, per line. */
export async function openReturnedCopies(db: Db, lineIds: string[]): Promise<Map<string, number>> {
  const rows = await readChunked(lineIds, (ids) =>
    db
      .select({ lineId: returnLines.lineId, quantity: sql<number>`SUM(${returnLines.quantity})` })
      .from(returnLines)
      .innerJoin(returns, eq(returns.id, returnLines.returnId))
      .where(and(inArray(returnLines.lineId, ids), inArray(returns.status, [...OPEN_RETURN_STATUSES])))
      .groupBy(returnLines.lineId),
  );
  return new Map(rows.map((row) => [row.lineId, Number(row.quantity)]));
}

export async function hasOpenReturn(db: Db, sellerOrderId: string): Promise<boolean> {
  const rows = await db
    .select({ id: returns.id })
    .from(returns)
    .where(and(eq(returns.sellerOrderId, sellerOrderId), inArray(returns.status, [...OPEN_RETURN_STATUSES])))
    .limit(1);
  return rows.length > 0;
}

/**
 * A compare-and-set step of a return: it takes `to` (and `patch`) only if it is still `from`; otherwise the NOT
 * NULL status refuses the NULL and the whole batch rolls back.
 */
export function moveReturn(
  db: Db,
  row: Pick<ReturnRow, "id" | "status">,
  to: ReturnStatus,
  patch: Partial<Omit<typeof returns.$inferInsert, "id" | "status">> & { updatedAt: number },
) {
  const status = sql`CASE WHEN ${returns.status} = ${row.status} THEN ${to} ELSE NULL END` as unknown as ReturnStatus;
  return db
    .update(returns)
    .set({ ...patch, status })
    .where(eq(returns.id, row.id));
}

/** Returns newest first, of one seller (or all, for admins), optionally in one status, after the cursor's. */
export function returnsPage(
  db: Db,
  filter: { sellerId?: string; status?: ReturnStatus; limit: number; after?: { createdAt: number; id: string } },
) {
  const conditions: (SQL | undefined)[] = [
    filter.sellerId ? eq(returns.sellerId, filter.sellerId) : undefined,
    filter.status ? eq(returns.status, filter.status) : undefined,
    filter.after
      ? olderThan(returns.createdAt, returns.id, { time: filter.after.createdAt, id: filter.after.id })
      : undefined,
  ];
  return db
    .select()
    .from(returns)
    .where(and(...conditions))
    .orderBy(desc(returns.createdAt), desc(returns.id))
    .limit(filter.limit);
}

/** Requests the seller left unanswered past their time, oldest first. */
export const overdueReturnRequests = (db: Db, now: number, limit: number) =>
  db
    .select()
    .from(returns)
    .where(and(eq(returns.status, "requested"), lte(returns.respondBy, now)))
    .orderBy(returns.respondBy)
    .limit(limit);

/** Delivered seller orders whose return window is over, oldest window first (whether a return is open is checked after). */
export const sellerOrdersPastReturnWindow = (db: Db, now: number, limit: number) =>
  db
    .select()
    .from(sellerOrders)
    .where(
      and(
        inArray(sellerOrders.status, ["delivered", "partially_refunded"]),
        isNotNull(sellerOrders.deliveredAt),
        lte(sellerOrders.returnWindowEndsAt, now),
      ),
    )
    .orderBy(sellerOrders.returnWindowEndsAt)
    .limit(limit);

/**
 * Fails the batch (a NULL into NOT NULL) unless the seller order is as it was read, and marks it changed: a return
 * opened and a completion planned at once cannot both go through.
 */
export const touchSellerOrder = (db: Db, sellerOrder: { id: string; updatedAt: number }, now: number) =>
  db
    .update(sellerOrders)
    .set({
      updatedAt:
        sql`CASE WHEN ${sellerOrders.updatedAt} = ${sellerOrder.updatedAt} THEN ${now} ELSE NULL END` as unknown as number,
    })
    .where(eq(sellerOrders.id, sellerOrder.id));
