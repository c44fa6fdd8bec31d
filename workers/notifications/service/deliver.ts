import type { Statement } from "../../platform/db";
import { sendThroughChannel } from "../channels";
import type { NotificationsContext } from "../context";
import { deliveryById, markFailed, markGivenUp, markSent } from "../store/deliveries";

/**
 * Sends a queued delivery once: a failed attempt is logged (`failed`, with its error) and thrown, so the queue
 * retries it; the provider's idempotency key (the delivery id) drops a send repeated after a lost answer.
 */
export async function deliver(ctx: NotificationsContext, deliveryId: string): Promise<Statement[]> {
  const { db } = ctx.services;
  const delivery = await deliveryById(db, deliveryId);
  if (!delivery || (delivery.status !== "queued" && delivery.status !== "failed")) return [];
  try {
    const outcome = await sendThroughChannel(ctx, delivery);
    if (outcome === "gone") return [markGivenUp(db, delivery.id, "gone")];
    return [markSent(db, delivery, outcome)];
  } catch (error) {
    await markFailed(db, delivery, String(error));
    throw error;
  }
}

/** The queue gave up on a delivery (its event reached the dead letters): the log says so. */
export async function deliveryGaveUp(ctx: NotificationsContext, deliveryId: string): Promise<void> {
  await markGivenUp(ctx.services.db, deliveryId, "dead");
}
