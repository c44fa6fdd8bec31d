import type { AnyEvent } from "../../queues/catalog";
import { type ConsumerContext, defineConsumer } from "../../queues/consumer";
import { deliveryRow } from "./store";
import { type RenderedMail, templates, toHtml } from "./templates";

const MAIL_EVENTS = [
  "UserRegistered",
  "EmailVerificationRequested",
  "PasswordResetRequested",
  "PasswordChanged",
] as const;
type MailEvent = Extract<AnyEvent, { type: (typeof MAIL_EVENTS)[number] }>;

/** Which mail an event sends, and to whom. */
function render(event: MailEvent, { config }: ConsumerContext): { to: string; mail: RenderedMail } {
  switch (event.type) {
    case "UserRegistered":
      return { to: event.data.email, mail: templates.welcome(config, event.data) };
    case "EmailVerificationRequested":
      return { to: event.data.email, mail: templates.verifyEmail(config, event.data) };
    case "PasswordResetRequested":
      return { to: event.data.email, mail: templates.passwordReset(config, event.data) };
    case "PasswordChanged":
      return { to: event.data.email, mail: templates.passwordChanged(config, event.data) };
  }
}

/** Turns domain events into mail; the delivery log row commits with the processed-event marker. */
export const mailConsumer = defineConsumer({
  name: "notifications.mail",
  queue: "notifications",
  handles: MAIL_EVENTS,
  async handle(event, context) {
    const { to, mail } = render(event as MailEvent, context);
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
