import { and, asc, eq, isNotNull, lte, sql } from "drizzle-orm";
import { cartReminders, deliveries, notifications } from "../../../schema/notifications";
import { type Db, incoming, type Statement, upserting } from "../../platform/db";

export type CartReminderRow = typeof cartReminders.$inferSelect;

export async function reminderOf(db: Db, cartId: string): Promise<CartReminderRow | undefined> {
  const [row] = await db.select().from(cartReminders).where(eq(cartReminders.cartId, cartId)).limit(1);
  return row;
}

/** New contents for a cart, due for a reminder at `dueAt` (null: these contents were reminded of already). */
export function saveContents(
  db: Db,
  row: Pick<CartReminderRow, "cartId" | "userId" | "contentsKey" | "changedAt" | "dueAt">,
): Statement {
  return upserting(db, db.insert(cartReminders).values(row), cartReminders.cartId, {
    contentsKey: incoming(db, cartReminders.contentsKey),
    changedAt: incoming(db, cartReminders.changedAt),
    dueAt: incoming(db, cartReminders.dueAt),
  });
}

/** A cart that emptied is reminded of nothing; its row keeps what was reminded, so the same books never are twice. */
export const emptyCart = (db: Db, cartId: string, contentsKey: string, now: number): Statement =>
  db.update(cartReminders).set({ contentsKey, changedAt: now, dueAt: null }).where(eq(cartReminders.cartId, cartId));

export const dueReminders = (db: Db, now: number, limit: number) =>
  db
    .select()
    .from(cartReminders)
    .where(and(isNotNull(cartReminders.dueAt), lte(cartReminders.dueAt, now)))
    .orderBy(asc(cartReminders.dueAt))
    .limit(limit);

/** The reminder for these contents is off (the buyer hears nothing of them), unless the cart changed meanwhile. */
export const dropReminder = (db: Db, due: CartReminderRow): Statement =>
  db
    .update(cartReminders)
    .set({ dueAt: null })
    .where(and(eq(cartReminders.cartId, due.cartId), eq(cartReminders.contentsKey, due.contentsKey)));

/**
 * Records the reminder of these contents, as a compare-and-set: a cart whose contents or due time changed meanwhile
 * (another run sent it, the buyer changed the cart) turns its NOT NULL `user_id` to NULL, which the database refuses,
 * so the reminder it is committed with rolls back. `user_id` is assigned first, so MySQL compares the old values.
 */
export function markReminded(db: Db, due: CartReminderRow, now: number): Statement {
  const unchanged = sql`${cartReminders.contentsKey} = ${due.contentsKey} AND ${cartReminders.dueAt} = ${due.dueAt}`;
  return db
    .update(cartReminders)
    .set({
      userId: sql`CASE WHEN ${unchanged} THEN ${cartReminders.userId} ELSE NULL END`,
      dueAt: null,
      remindedKey: due.contentsKey,
      remindedAt: now,
    })
    .where(eq(cartReminders.cartId, due.cartId));
}

/** Whether a reminder of this source (a cart's contents) ever reached the user: in the feed or through a channel. */
export async function remindedBefore(db: Db, userId: string, sourceId: string, kind: string): Promise<boolean> {
  const [inFeed, delivered] = await Promise.all([
    db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.sourceKey, `${sourceId}:${kind}`)))
      .limit(1),
    db.select({ id: deliveries.id }).from(deliveries).where(eq(deliveries.eventId, sourceId)).limit(1),
  ]);
  return inFeed.length > 0 || delivered.length > 0;
}
