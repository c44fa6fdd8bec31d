import { defineConsumer } from "../../queues/consumer";
import type { GiveUpHandler } from "../../queues/dead-letters";
import { notificationsConsumerContext } from "./context";
import { ORDER_NOTICE_EVENTS, orderNotices } from "./notices/orders";
import { MAIL_EVENTS, type MailEvent, sendMailFor } from "./service";
import { deliver, deliveryGaveUp } from "./service/deliver";
import { notifyAll } from "./service/notify";

/** Turns domain events into mail; the delivery log row commits with the processed-event marker. */
export const mailConsumer = defineConsumer({
  name: "notifications.mail",
  queue: "notifications",
  handles: MAIL_EVENTS,
  handle: (event, context) => sendMailFor(notificationsConsumerContext(context), event as MailEvent),
});

/** Order events become the buyer's notices: a feed item and the deliveries their preferences allow. */
export const orderNoticeConsumer = defineConsumer({
  name: "notifications.order-notices",
  queue: "notifications",
  handles: ORDER_NOTICE_EVENTS,
  handle: (event, context) => {
    const ctx = notificationsConsumerContext(context);
    return notifyAll(ctx, orderNotices(ctx, event));
  },
});

/** Sends each queued delivery through its channel. */
export const deliveryConsumer = defineConsumer({
  name: "notifications.delivery",
  queue: "notifications",
  handles: ["DeliveryQueued"],
  handle: (event, context) => deliver(notificationsConsumerContext(context), event.data.deliveryId),
});

/** A delivery the queue gave up on is marked dead in the log. */
export const deliveryGiveUp: GiveUpHandler = {
  name: "notifications.delivery-given-up",
  handles: ["DeliveryQueued"],
  handle: async (event, context) => {
    if (event.type === "DeliveryQueued")
      await deliveryGaveUp(notificationsConsumerContext(context), event.data.deliveryId);
  },
};
