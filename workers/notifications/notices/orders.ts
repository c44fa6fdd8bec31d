import { z } from "zod";
import type { EventEnvelope } from "../../../queues/event-catalogue";
import type { NotificationsContext } from "../context";
import type { Notice } from "../service/notify";
import { defineTemplate, renderTemplate } from "../template";
import { inertName } from "../templates";

/** The order events that notify the buyer (category `orders`). */
export const ORDER_NOTICE_EVENTS = ["OrderShipped"] as const;
type OrderNoticeEvent = EventEnvelope<(typeof ORDER_NOTICE_EVENTS)[number]>;

const orderLink = (base: string, orderId: string) => `${base}/orders/${orderId}`;

export const orderShipped = defineTemplate({
  kind: "order-shipped",
  category: "orders",
  placeholders: z.object({
    orderId: z.string(),
    storeName: z.string(),
    carrier: z.string(),
    trackingNumber: z.string(),
    trackingUrl: z.string().nullable(),
    lines: z.array(z.object({ title: z.string(), quantity: z.number().int().positive() })),
  }),
  link: (config, data) => orderLink(config.PUBLIC_BASE_URL, data.orderId),
  wording: {
    en: (data, config, recipient) => {
      const store = inertName(data.storeName);
      const books = data.lines.map((line) => `${line.quantity} × ${line.title}`).join("\n");
      return {
        subject: `${store} shipped your Book Bazaar order ${data.orderId}`,
        text: [
          `Hello ${inertName(recipient.name)},`,
          `${store} sent their part of order ${data.orderId}:\n${books}`,
          `Carrier: ${data.carrier}\nTracking number: ${data.trackingNumber}${data.trackingUrl ? `\nTrack it: ${data.trackingUrl}` : ""}`,
          `Your order: ${orderLink(config.PUBLIC_BASE_URL, data.orderId)}`,
        ].join("\n\n"),
        title: `${data.storeName} shipped your order`,
        body: `${data.carrier}, tracking number ${data.trackingNumber}`,
      };
    },
    de: (data, config, recipient) => {
      const store = inertName(data.storeName);
      const books = data.lines.map((line) => `${line.quantity} × ${line.title}`).join("\n");
      return {
        subject: `${store} hat Ihre Book-Bazaar-Bestellung ${data.orderId} verschickt`,
        text: [
          `Hallo ${inertName(recipient.name)},`,
          `${store} hat den eigenen Teil der Bestellung ${data.orderId} verschickt:\n${books}`,
          `Versand: ${data.carrier}\nSendungsnummer: ${data.trackingNumber}${data.trackingUrl ? `\nSendungsverfolgung: ${data.trackingUrl}` : ""}`,
          `Ihre Bestellung: ${orderLink(config.PUBLIC_BASE_URL, data.orderId)}`,
        ].join("\n\n"),
        title: `${data.storeName} hat Ihre Bestellung verschickt`,
        body: `${data.carrier}, Sendungsnummer ${data.trackingNumber}`,
      };
    },
  },
});

export function orderNotices({ config }: NotificationsContext, event: OrderNoticeEvent): Notice[] {
  const { data } = event;
  return [
    {
      userId: data.buyerId,
      sourceId: event.id,
      kind: orderShipped.kind,
      category: orderShipped.category,
      data: { orderId: data.orderId, sellerOrderId: data.sellerOrderId },
      render: (recipient) => renderTemplate(orderShipped, data, config, recipient),
    },
  ];
}
