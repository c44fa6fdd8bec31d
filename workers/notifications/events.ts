import { defineConsumer } from "../../queues/consumer";
import { deliveryRow } from "./store";
import { type RenderedMail, templates, toHtml } from "./templates";

/** Turns domain events into mail; the delivery log row commits with the processed-event marker. */
export const mailConsumer = defineConsumer({
  name: "notifications.mail",
  queue: "notifications",
  handles: ["UserRegistered"],
  async handle(event, { config, services }) {
    const { email, name, verificationToken } = event.data;
    const mail: RenderedMail = templates.welcome(config, { name, verificationToken });
    const sent = await services.mailer.send({
      ...mail,
      to: email,
      html: toHtml(mail.text),
      idempotencyKey: `${event.id}:${mail.template}`,
    });
    return [deliveryRow(services.db, event.id, mail.template, email, sent)];
  },
});
