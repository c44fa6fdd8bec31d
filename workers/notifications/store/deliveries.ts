import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { deliveries } from "../../../schema/notifications";
import { newId } from "../../lib/ids";
import type { Db } from "../../platform/db";
import type { SentMail } from "../mail/mailer";

export type DeliveryRow = typeof deliveries.$inferSelect;

/** Account mail, sent straight away rather than queued: logged as sent, in the same log. */
export function deliveryRow(
  db: Db,
  mail: { eventId: string; template: string; userId: string; to: string; sent: SentMail },
) {
  return db.insert(deliveries).values({
    id: newId("msg"),
    eventId: mail.eventId,
    template: mail.template,
    userId: mail.userId,
    to: mail.to,
    provider: mail.sent.provider,
    providerMessageId: mail.sent.providerMessageId,
    sentAt: Date.now(),
  });
}

export function queueDelivery(db: Db, row: typeof deliveries.$inferInsert) {
  return db.insert(deliveries).values({ ...row, status: "queued", attempts: 0, queuedAt: Date.now(), sentAt: null });
}

export async function deliveryById(db: Db, id: string): Promise<DeliveryRow | undefined> {
  const [row] = await db.select().from(deliveries).where(eq(deliveries.id, id)).limit(1);
  return row;
}

export function markSent(db: Db, delivery: DeliveryRow, sent: { provider: string; providerMessageId: string | null }) {
  return (
    db
      .update(deliveries)
      // lastError stays: a delivery sent on a later attempt still tells why the earlier ones failed.
      .set({ status: "sent", attempts: delivery.attempts + 1, sentAt: Date.now(), ...sent })
      .where(eq(deliveries.id, delivery.id))
  );
}

export function markFailed(db: Db, delivery: DeliveryRow, error: string) {
  return db
    .update(deliveries)
    .set({ status: "failed", attempts: delivery.attempts + 1, lastError: error.slice(0, 500) })
    .where(eq(deliveries.id, delivery.id));
}

/** The queue gave up on it, or (`gone`) its push endpoint no longer exists. */
export function markGivenUp(db: Db, id: string, status: "dead" | "gone", error?: string) {
  return db
    .update(deliveries)
    .set({ status, ...(error ? { lastError: error.slice(0, 500) } : {}) })
    .where(eq(deliveries.id, id));
}

/** A message sent while its caller waited (a phone's verification code), logged as it went. */
export function loggedDelivery(
  db: Db,
  row: Pick<DeliveryRow, "id" | "eventId" | "template" | "userId" | "channel" | "to">,
  outcome: { provider: string; providerMessageId: string | null } | { error: string },
) {
  const now = Date.now();
  const result =
    "error" in outcome
      ? { status: "failed" as const, lastError: outcome.error.slice(0, 500), sentAt: null }
      : { status: "sent" as const, ...outcome, sentAt: now };
  return db.insert(deliveries).values({ ...row, message: null, attempts: 1, queuedAt: now, ...result });
}

export interface DeliveryFilter {
  userId?: string;
  status?: DeliveryRow["status"];
  channel?: DeliveryRow["channel"];
  beforeId?: string;
  limit: number;
}

/** The log newest first (ids are time-ordered), filtered, one page. */
export function deliveryPage(db: Db, { userId, status, channel, beforeId, limit }: DeliveryFilter) {
  const conditions: SQL[] = [];
  if (userId) conditions.push(eq(deliveries.userId, userId));
  if (status) conditions.push(eq(deliveries.status, status));
  if (channel) conditions.push(eq(deliveries.channel, channel));
  if (beforeId) conditions.push(lt(deliveries.id, beforeId));
  return db
    .select()
    .from(deliveries)
    .where(and(...conditions))
    .orderBy(desc(deliveries.id))
    .limit(limit);
}
