import { createEvent } from "../../queues/events";
import type { Money } from "../http/schemas";
import type * as store from "./store";
import type { Actor } from "./transitions";

export type Contact = { email: string; name: string } | null;

/** What the orders module emits (all through the outbox, in the D1 batch of the change they describe). */
export const orderEvents = {
  checkoutStarted: (order: store.OrderRow, lines: store.OrderLineRow[]) =>
    createEvent("CheckoutStarted", {
      orderId: order.id,
      buyerId: order.buyerId,
      lineCount: lines.length,
      itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
      total: { amount: order.total, currency: order.currency },
    }),

  orderCreated: (order: store.OrderRow, sellerOrders: store.SellerOrderRow[], lines: store.OrderLineRow[]) =>
    createEvent("OrderCreated", {
      orderId: order.id,
      buyerId: order.buyerId,
      total: { amount: order.total, currency: order.currency },
      shippingMethod: order.shippingMethod,
      holdExpiresAt: new Date(order.holdExpiresAt).toISOString(),
      sellerOrders: sellerOrders.map((so) => ({
        sellerOrderId: so.id,
        sellerId: so.sellerId,
        total: { amount: so.total, currency: order.currency },
      })),
      lines: lines.map((line) => ({ lineId: line.id, listingId: line.listingId, quantity: line.quantity })),
    }),

  orderCancelled: (order: store.OrderRow, change: { buyer: Contact; reason: string; actor: Actor; paid: boolean }) =>
    createEvent("OrderCancelled", {
      orderId: order.id,
      buyerId: order.buyerId,
      buyer: change.buyer,
      reason: change.reason,
      actor: change.actor,
      paid: change.paid,
      total: { amount: order.total, currency: order.currency } satisfies Money,
    }),
};
