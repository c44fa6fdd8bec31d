import { defineConsumer } from "../../queues/consumer";
import { notificationsConsumerContext } from "./context";
import { MAIL_EVENTS, type MailEvent, sendMailFor } from "./service";

/** Turns domain events into mail; the delivery log row commits with the processed-event marker. */
export const mailConsumer = defineConsumer({
  name: "notifications.mail",
  queue: "notifications",
  handles: MAIL_EVENTS,
  handle: (event, context) => sendMailFor(notificationsConsumerContext(context), event as MailEvent),
});
