import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { bookAlerts } from "../../../schema/notifications";
import { olderThan } from "../../lib/keyset";
import type { Db, Statement } from "../../platform/db";

export type BookAlertRow = typeof bookAlerts.$inferSelect;

export const insertBookAlert = (db: Db, row: BookAlertRow): Statement => db.insert(bookAlerts).values(row);

/** The reader's open alert asking exactly this, if there is one: setting an alert twice keeps one. */
export async function sameOpenAlert(
  db: Db,
  wish: Pick<BookAlertRow, "userId" | "editionId" | "kind" | "priceAmount" | "currency" | "condition">,
) {
  const [row] = await db
    .select()
    .from(bookAlerts)
    .where(
      and(
        eq(bookAlerts.userId, wish.userId),
        eq(bookAlerts.editionId, wish.editionId),
        eq(bookAlerts.kind, wish.kind),
        wish.priceAmount === null ? isNull(bookAlerts.priceAmount) : eq(bookAlerts.priceAmount, wish.priceAmount),
        wish.currency === null ? isNull(bookAlerts.currency) : eq(bookAlerts.currency, wish.currency),
        wish.condition === null ? isNull(bookAlerts.condition) : eq(bookAlerts.condition, wish.condition),
        isNull(bookAlerts.firedAt),
      ),
    )
    .limit(1);
  return row;
}

export async function openAlertCount(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(bookAlerts)
    .where(and(eq(bookAlerts.userId, userId), isNull(bookAlerts.firedAt)));
  return row?.n ?? 0;
}

/** One page (plus one) of the reader's alerts, newest first, after the cursor's (createdAt, id). */
export function alertsOf(db: Db, userId: string, limit: number, after?: { time: number; id: string }) {
  return db
    .select()
    .from(bookAlerts)
    .where(
      and(eq(bookAlerts.userId, userId), after ? olderThan(bookAlerts.createdAt, bookAlerts.id, after) : undefined),
    )
    .orderBy(desc(bookAlerts.createdAt), desc(bookAlerts.id))
    .limit(limit + 1);
}

export const deleteAlertOf = (db: Db, userId: string, id: string) =>
  db.delete(bookAlerts).where(and(eq(bookAlerts.id, id), eq(bookAlerts.userId, userId)));

/** The alerts on an edition that have not been met yet. */
export const openAlertsOnEdition = (db: Db, editionId: string) =>
  db
    .select()
    .from(bookAlerts)
    .where(and(eq(bookAlerts.editionId, editionId), isNull(bookAlerts.firedAt)));

/**
 * Marks an alert met by a listing, as a compare-and-set (like the orders' status moves): an alert met meanwhile
 * turns its NOT NULL `created_at` to NULL, which the database refuses, so the whole write, notice included, rolls
 * back and the event is retried, to find the alert met. `created_at` is set before `fired_at`, so MySQL (which
 * reads columns already assigned in the same SET) still compares the old `fired_at`.
 */
export function markAlertMet(db: Db, id: string, listingId: string, now: number): Statement {
  return db
    .update(bookAlerts)
    .set({
      createdAt: sql`CASE WHEN ${bookAlerts.firedAt} IS NULL THEN ${bookAlerts.createdAt} ELSE NULL END`,
      firedAt: now,
      firedListingId: listingId,
    })
    .where(eq(bookAlerts.id, id));
}
