import type { AnyEvent } from "../../../queues/event-catalogue";
import type { NotificationsContext } from "../context";
import type { Notice } from "../service/notify";
import { type NoticeTemplate, renderTemplate } from "../template";
import {
  orderCancelled,
  orderConfirmation,
  orderDelivered,
  orderShipped,
  paymentFailed,
  paymentProcessing,
  refundIssued,
} from "../templates";

/** The order events that notify the buyer (category `orders`). */
export const ORDER_NOTICE_EVENTS = [
  "OrderPaid",
  "OrderPaymentFailed",
  "OrderPaymentProcessing",
  "OrderCancelled",
  "RefundIssued",
  "OrderShipped",
  "OrderDelivered",
] as const;
export type OrderNoticeEvent = Extract<AnyEvent, { type: (typeof ORDER_NOTICE_EVENTS)[number] }>;

/** Every order event is about one buyer; the feed item keeps the order (and seller order) it concerns. */
export function orderNotices({ config }: NotificationsContext, event: OrderNoticeEvent): Notice[] {
  const notice = <D>(template: NoticeTemplate<D>, data: Record<string, unknown>): Notice[] => [
    {
      userId: event.data.buyerId,
      sourceId: event.id,
      kind: template.kind,
      category: template.category,
      data,
      render: (recipient) => renderTemplate(template, event.data, config, recipient),
    },
  ];
  const { orderId } = event.data;
  switch (event.type) {
    case "OrderPaid":
      return notice(orderConfirmation, { orderId });
    case "OrderPaymentFailed":
      return notice(paymentFailed, { orderId });
    case "OrderPaymentProcessing":
      return notice(paymentProcessing, { orderId });
    case "OrderCancelled":
      return notice(orderCancelled, { orderId });
    case "RefundIssued":
      return notice(refundIssued, { orderId, refundId: event.data.refundId });
    case "OrderShipped":
      return notice(orderShipped, { orderId, sellerOrderId: event.data.sellerOrderId });
    case "OrderDelivered":
      return notice(orderDelivered, { orderId, sellerOrderId: event.data.sellerOrderId });
  }
}
