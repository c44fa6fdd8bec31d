import { defineConsumer } from "../../queues/consumer";
import type { GiveUpHandler } from "../../queues/dead-letters";
import { notificationsConsumerContext } from "./context";
import { COMMUNITY_NOTICE_EVENTS, type CommunityNoticeEvent, communityNotices } from "./notices/community";
import { ORDER_NOTICE_EVENTS, type OrderNoticeEvent, orderNotices } from "./notices/orders";
import { ACCOUNT_MAIL_EVENTS, type AccountMailEvent, sendMailFor } from "./service/account-mail";
import { deliver, deliveryGaveUp } from "./service/deliver";
import { notifyAll } from "./service/notify";
import { RETURN_NOTICE_EVENTS, type ReturnNoticeEvent, returnNotices } from "./service/return-notices";
import { SUPPORT_NOTICE_EVENTS, type SupportNoticeEvent, supportNotices } from "./service/support-notices";

/** Account and security mail, sent straight away; the delivery log row commits with the processed-event marker. */
export const mailConsumer = defineConsumer({
  name: "notifications.mail",
  queue: "notifications",
  handles: ACCOUNT_MAIL_EVENTS,
  handle: (event, context) => sendMailFor(notificationsConsumerContext(context), event as AccountMailEvent),
});

/** Order events become the buyer's notices: a feed item and the deliveries their preferences allow. */
export const orderNoticeConsumer = defineConsumer({
  name: "notifications.order-notices",
  queue: "notifications",
  handles: ORDER_NOTICE_EVENTS,
  handle: (event, context) => {
    const ctx = notificationsConsumerContext(context);
    return notifyAll(ctx, orderNotices(ctx, event as OrderNoticeEvent));
  },
});

/** Each step of a return becomes the buyer's and the seller's notices. */
export const returnNoticeConsumer = defineConsumer({
  name: "notifications.return-notices",
  queue: "notifications",
  handles: RETURN_NOTICE_EVENTS,
  async handle(event, context) {
    const ctx = notificationsConsumerContext(context);
    return notifyAll(ctx, await returnNotices(ctx, event as ReturnNoticeEvent));
  },
});

/** A support ticket's opening, messages and steps become the notices of the other side of whoever caused them. */
export const supportNoticeConsumer = defineConsumer({
  name: "notifications.support-notices",
  queue: "notifications",
  handles: SUPPORT_NOTICE_EVENTS,
  async handle(event, context) {
    const ctx = notificationsConsumerContext(context);
    return notifyAll(ctx, await supportNotices(ctx, event as SupportNoticeEvent));
  },
});

/** Replies, followed threads' comments and moderators' decisions become the reader's community notices. */
export const communityNoticeConsumer = defineConsumer({
  name: "notifications.community-notices",
  queue: "notifications",
  handles: COMMUNITY_NOTICE_EVENTS,
  handle: (event, context) => {
    const ctx = notificationsConsumerContext(context);
    return notifyAll(ctx, communityNotices(ctx, event as CommunityNoticeEvent));
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
