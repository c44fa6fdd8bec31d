import { atomically } from "../platform/db";
import type { NotificationsContext } from "./context";
import type { SentMail } from "./mail/mailer";
import type { DeliveryRow } from "./store/deliveries";
import { dropSubscriptions, markUsed, subscriptionById } from "./store/push-subscriptions";

/** What a channel answers for a delivery: sent (with the provider's id), or `gone` (the address no longer exists). */
export type ChannelOutcome = SentMail | "gone";

/** Sends one queued delivery through its channel's adapter; throws when the provider failed (the queue retries). */
export async function sendThroughChannel(ctx: NotificationsContext, delivery: DeliveryRow): Promise<ChannelOutcome> {
  const message = delivery.message ?? {};
  switch (delivery.channel) {
    case "email":
      return ctx.services.mailer.send({
        to: delivery.to,
        subject: String(message.subject),
        text: String(message.text),
        html: typeof message.html === "string" ? message.html : undefined,
        headers: (message.headers as Record<string, string> | undefined) ?? undefined,
        template: delivery.template,
        idempotencyKey: delivery.id,
      });
    case "in_app":
      // The feed item is already in the feed; this pushes it to the user's open sockets, once per delivery.
      await ctx.services.live.publish(delivery.to, { type: "notification", data: message, eventId: delivery.id });
      return { provider: "live", providerMessageId: null };
    case "sms":
      return ctx.services.sms.send({ to: delivery.to, text: String(message.text), idempotencyKey: delivery.id });
    case "push":
      return pushToSubscription(ctx, delivery, message);
    default:
      throw new Error(`no adapter for the ${delivery.channel} channel`);
  }
}

/** A push delivery goes to the subscription it names (`to`); one the push service forgot is removed. */
async function pushToSubscription(
  ctx: NotificationsContext,
  delivery: DeliveryRow,
  message: Record<string, unknown>,
): Promise<ChannelOutcome> {
  const { db } = ctx.services;
  const subscription = await subscriptionById(db, delivery.to);
  // Unsubscribed since, or the browser is now signed in to another account: nobody of this notice to tell there.
  if (!subscription || subscription.userId !== delivery.userId) return "gone";
  const outcome = await ctx.services.push.send({
    subscription,
    payload: JSON.stringify(message),
    idempotencyKey: delivery.id,
  });
  await atomically(db, [
    outcome === "gone" ? dropSubscriptions(db, [subscription.id]) : markUsed(db, subscription.id, Date.now()),
  ]);
  return outcome;
}
