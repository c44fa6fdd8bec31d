import type { EventEnvelope } from "../../../queues/event-catalogue";
import type { NotificationsContext } from "../context";
import { orderTemplates } from "../order-templates";
import type { Notice } from "../service/notify";
import { toHtml } from "../templates";

/** The order events that notify the buyer (category `orders`). */
export const ORDER_NOTICE_EVENTS = ["OrderShipped"] as const;
type OrderNoticeEvent = EventEnvelope<(typeof ORDER_NOTICE_EVENTS)[number]>;

export function orderNotices({ config }: NotificationsContext, event: OrderNoticeEvent): Notice[] {
  const { data } = event;
  const link = `${config.PUBLIC_BASE_URL}/orders/${data.orderId}`;
  return [
    {
      userId: data.buyerId,
      sourceId: event.id,
      kind: "order-shipped",
      category: "orders",
      data: { orderId: data.orderId, sellerOrderId: data.sellerOrderId },
      render(recipient) {
        const mail = orderTemplates.shipped(config, {
          ...data,
          buyer: { email: recipient.email ?? "", name: recipient.name },
        });
        return {
          mail: { ...mail, html: toHtml(mail.text) },
          title: `${data.storeName} shipped your order`,
          body: `${data.carrier} ${data.trackingNumber}`,
          link,
        };
      },
    },
  ];
}
