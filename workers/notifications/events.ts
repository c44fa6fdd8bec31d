import type { AnyEvent } from "../../queues/catalog";
import { type ConsumerContext, defineConsumer } from "../../queues/consumer";
import { orderTemplates } from "./order-templates";
import { deliveryRow } from "./store";
import { type RenderedMail, templates, toHtml } from "./templates";

const MAIL_EVENTS = [
  "UserRegistered",
  "EmailVerificationRequested",
  "PasswordResetRequested",
  "PasswordChanged",
  "OrderPaid",
  "OrderPaymentFailed",
  "OrderCancelled",
  "RefundIssued",
  "OrderShipped",
  "OrderDelivered",
] as const;
type MailEvent = Extract<AnyEvent, { type: (typeof MAIL_EVENTS)[number] }>;

/** Which mail an event sends, and to whom; null when it sends none (a deleted buyer, a checkout that never paid). */
function render(event: MailEvent, { config }: ConsumerContext): { to: string; mail: RenderedMail } | null {
  switch (event.type) {
    case "UserRegistered":
      return { to: event.data.email, mail: templates.welcome(config, event.data) };
    case "EmailVerificationRequested":
      return { to: event.data.email, mail: templates.verifyEmail(config, event.data) };
    case "PasswordResetRequested":
      return { to: event.data.email, mail: templates.passwordReset(config, event.data) };
    case "PasswordChanged":
      return { to: event.data.email, mail: templates.passwordChanged(config, event.data) };
    case "OrderPaid":
      return event.data.buyer && { to: event.data.buyer.email, mail: orderTemplates.confirmation(config, event.data) };
    case "OrderPaymentFailed":
      return event.data.buyer && { to: event.data.buyer.email, mail: orderTemplates.paymentFailed(config, event.data) };
    case "OrderCancelled":
      return event.data.buyer && { to: event.data.buyer.email, mail: orderTemplates.cancelled(config, event.data) };
    case "OrderShipped":
      return event.data.buyer && { to: event.data.buyer.email, mail: orderTemplates.shipped(config, event.data) };
    case "OrderDelivered":
      return event.data.buyer && { to: event.data.buyer.email, mail: orderTemplates.delivered(config, event.data) };
    case "RefundIssued":
      return event.data.buyer && { to: event.data.buyer.email, mail: orderTemplates.refunded(config, event.data) };
  }
}

/** Turns domain events into mail; the delivery log row commits with the processed-event marker. */
export const mailConsumer = defineConsumer({
  name: "notifications.mail",
  queue: "notifications",
  handles: MAIL_EVENTS,
  async handle(event, context) {
    const rendered = render(event as MailEvent, context);
    if (!rendered) return [];
    const { to, mail } = rendered;
    const { services } = context;
    const sent = await services.mailer.send({
      ...mail,
      to,
      html: toHtml(mail.text),
      idempotencyKey: `${event.id}:${mail.template}`,
    });
    return [deliveryRow(services.db, event.id, mail.template, to, sent)];
  },
});
