import type { NotificationsContext } from "./context";
import type { SentMail } from "./mail/mailer";
import type { DeliveryRow } from "./store/deliveries";

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
    default:
      throw new Error(`no adapter for the ${delivery.channel} channel`);
  }
}
