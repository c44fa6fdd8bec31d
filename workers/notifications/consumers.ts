import { type ConsumerContext, defineConsumer } from "../../queues/consumer";
import type { AnyEvent } from "../../queues/event-catalogue";
import type { ClientInfo, IdentityContext } from "../identity";
import { contactOf, passwordResetMail, verificationMail } from "../identity";
import { orderTemplates } from "./order-templates";
import { deliveryRow } from "./store";
import { type RenderedMail, templates, toHtml } from "./templates";

const MAIL_EVENTS = [
  "UserRegistered",
  "EmailVerificationRequested",
  "EmailVerified",
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

const noClient: ClientInfo = { ip: null, userAgent: null };
const identityContext = (context: ConsumerContext, client = noClient): IdentityContext => ({
  ...context,
  client,
});

/**
 * Which mail an event sends, and to whom; null when it sends none (a deleted or unverified buyer, a checkout
 * that never paid). An address nobody has confirmed gets verification and reset links only: the buyer
 * contact of order events is null for it (contactOf), and account notices check the same.
 */
async function render(event: MailEvent, context: ConsumerContext): Promise<{ to: string; mail: RenderedMail } | null> {
  const { config } = context;
  switch (event.type) {
    case "UserRegistered":
    case "EmailVerificationRequested": {
      const mail = await verificationMail(identityContext(context), event.data.userId);
      return mail && { to: mail.email, mail: templates.verifyEmail(config, mail) };
    }
    case "PasswordResetRequested": {
      const mail = await passwordResetMail(identityContext(context, event.data.requestedFrom), event.data.email);
      return mail && { to: mail.email, mail: templates.passwordReset(config, mail) };
    }
    case "EmailVerified":
      return { to: event.data.email, mail: templates.welcome(config, event.data) };
    case "PasswordChanged": {
      const owner = await contactOf(context, event.data.userId);
      return owner ? { to: owner.email, mail: templates.passwordChanged(config, event.data) } : null;
    }
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
    const rendered = await render(event as MailEvent, context);
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
