import { and, desc, eq, inArray } from "drizzle-orm";
import { pushSubscriptions } from "../../../schema/notifications";
import { type Db, incoming, type Statement, upserting } from "../../platform/db";

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;

/** Newest registration first. */
export function subscriptionsOf(db: Db, userId: string) {
  return db
    .select()
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, userId))
    .orderBy(desc(pushSubscriptions.createdAt), desc(pushSubscriptions.id));
}

export async function subscriptionById(db: Db, id: string): Promise<PushSubscriptionRow | undefined> {
  const [row] = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.id, id)).limit(1);
  return row;
}

/**
 * Registers an endpoint for the user. An endpoint registered before stays the same subscription (its id) and
 * moves to this user with the keys it brings now: a browser belongs to whoever signed in on it last.
 */
export function subscribe(db: Db, row: PushSubscriptionRow): Statement {
  return upserting(db, db.insert(pushSubscriptions).values(row), pushSubscriptions.endpointHash, {
    userId: incoming(db, pushSubscriptions.userId),
    endpoint: incoming(db, pushSubscriptions.endpoint),
    p256dh: incoming(db, pushSubscriptions.p256dh),
    auth: incoming(db, pushSubscriptions.auth),
    userAgent: incoming(db, pushSubscriptions.userAgent),
    createdAt: incoming(db, pushSubscriptions.createdAt),
  });
}

export function unsubscribe(db: Db, userId: string, endpointHash: string): Statement {
  return db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpointHash, endpointHash)));
}

export function dropSubscriptions(db: Db, ids: string[]): Statement {
  return db.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, ids));
}

export function markUsed(db: Db, id: string, now: number): Statement {
  return db.update(pushSubscriptions).set({ lastUsedAt: now }).where(eq(pushSubscriptions.id, id));
}
