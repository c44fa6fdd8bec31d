import { createEvent } from "../../queues/events";
import type { ShippingAddress } from "../identity";
import type { Money } from "../lib/money";
import type * as store from "./store";
import type { Actor } from "./transitions";

type Contact = { email: string; name: string } | null;

/** One transition of an order or one of its seller orders, as history and `OrderStatusChanged` record it. */
export interface StatusChange {
  orderId: string;
  sellerOrderId: string | null;
  buyerId: string;
  /** The seller of the seller order that moved; null for the order itself. */
  sellerId: string | null;
  from: string | null;
  to: string;
  actor: Actor;
  reason: string | null;
}

type SellerOrderParty = { id: string; sellerId: string; storeName: string };

/** Who a seller order's shipping events concern: the order, its seller and its buyer. */
const parties = (order: store.OrderRow, sellerOrder: SellerOrderParty, buyer: Contact) => ({
  orderId: order.id,
  sellerOrderId: sellerOrder.id,
  sellerId: sellerOrder.sellerId,
  storeName: sellerOrder.storeName,
  buyerId: order.buyerId,
  buyer,
});

/** What the orders module emits (all through the outbox, atomically with the change they describe). */
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
      discountTotal: { amount: order.discountTotal, currency: order.currency },
      tax: { amount: order.tax, currency: order.currency },
      shippingMethod: order.shippingMethod,
      holdExpiresAt: new Date(order.holdExpiresAt).toISOString(),
      sellerOrders: sellerOrders.map((so) => ({
        sellerOrderId: so.id,
        sellerId: so.sellerId,
        total: { amount: so.total, currency: order.currency },
        discountTotal: { amount: so.discountTotal, currency: order.currency },
        sellerFundedDiscount: { amount: so.sellerFundedDiscount, currency: order.currency },
        tax: { amount: so.tax, currency: order.currency },
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

  orderPaid: (
    order: store.OrderRow,
    sellerOrders: store.SellerOrderRow[],
    lines: store.OrderLineRow[],
    buyer: Contact,
    paidAt: number,
  ) => {
    const money = (amount: number) => ({ amount, currency: order.currency });
    return createEvent("OrderPaid", {
      orderId: order.id,
      buyerId: order.buyerId,
      buyer,
      paidAt: new Date(paidAt).toISOString(),
      totals: {
        items: money(order.itemsTotal),
        covers: money(order.coversTotal),
        shipping: money(order.shippingTotal),
        discount: money(order.discountTotal),
        tax: money(order.tax),
        total: money(order.total),
      },
      sellerFundedDiscount: money(order.sellerFundedDiscount),
      taxLines: order.taxLines.map((line) => ({ ...line, taxable: money(line.taxable), tax: money(line.tax) })),
      shippingMethod: order.shippingMethod,
      shippingAddress: { ...(order.shippingAddress as ShippingAddress) },
      sellerOrders: sellerOrders.map((so) => ({
        sellerOrderId: so.id,
        sellerId: so.sellerId,
        shipping: money(so.shippingTotal),
        total: money(so.total),
        discountTotal: money(so.discountTotal),
        sellerFundedDiscount: money(so.sellerFundedDiscount),
        tax: money(so.tax),
      })),
      lines: lines.map((line) => ({
        lineId: line.id,
        sellerOrderId: line.sellerOrderId,
        title: line.title,
        quantity: line.quantity,
        unitPrice: money(line.unitPrice),
        cover: line.coverName,
        coverPrice: money(line.coverPrice),
        inscription: line.inscription,
        discounts: line.discounts.map((discount) => ({ ...discount, amount: money(discount.amount) })),
        discountTotal: money(line.discountTotal),
        lineTotal: money(line.lineTotal),
      })),
    });
  },

  paymentFailed: (order: store.OrderRow, buyer: Contact, reason: string) =>
    createEvent("OrderPaymentFailed", {
      orderId: order.id,
      buyerId: order.buyerId,
      buyer,
      reason,
      total: { amount: order.total, currency: order.currency },
    }),

  paymentProcessing: (order: store.OrderRow, buyer: Contact, holdUntil: number) =>
    createEvent("OrderPaymentProcessing", {
      orderId: order.id,
      buyerId: order.buyerId,
      buyer,
      total: { amount: order.total, currency: order.currency },
      holdUntil: new Date(holdUntil).toISOString(),
    }),

  coverPrintRequested: (line: store.OrderLineRow, sellerId: string) =>
    createEvent("CoverPrintRequested", {
      orderId: line.orderId,
      sellerOrderId: line.sellerOrderId,
      lineId: line.id,
      sellerId,
      listingId: line.listingId,
      isbn13: line.isbn13,
      title: line.title,
      coverOptionId: line.coverOptionId!,
      coverName: line.coverName ?? "",
      inscription: line.inscription,
      quantity: line.quantity,
    }),

  refundIssued: (
    order: store.OrderRow,
    refund: store.RefundRow,
    lines: store.OrderLineRow[],
    sellerOrders: store.SellerOrderRow[],
    buyer: Contact,
  ) => {
    const money = (amount: number) => ({ amount, currency: order.currency });
    return createEvent("RefundIssued", {
      refundId: refund.id,
      orderId: order.id,
      buyerId: order.buyerId,
      buyer,
      amount: money(refund.amount),
      tax: money(refund.tax),
      orderRefunded: money(order.refundedTotal),
      reason: refund.reason,
      restocked: refund.restock,
      actor: refund.actor,
      sellerOrderIds: refund.allocation.sellerOrders.map((so) => so.sellerOrderId),
      sellerOrders: refund.allocation.sellerOrders.map((part) => ({
        sellerOrderId: part.sellerOrderId,
        sellerId: sellerOrders.find((so) => so.id === part.sellerOrderId)?.sellerId ?? "",
        amount: money(part.amount),
        tax: money(part.tax ?? 0),
      })),
      lines: refund.allocation.lines.map((allocated) => ({
        lineId: allocated.lineId,
        title: lines.find((line) => line.id === allocated.lineId)?.title ?? "",
        quantity: allocated.quantity,
        amount: money(allocated.amount),
      })),
    });
  },

  statusChanged: (change: StatusChange) =>
    createEvent("OrderStatusChanged", {
      orderId: change.orderId,
      sellerOrderId: change.sellerOrderId,
      from: change.from,
      to: change.to,
      actor: change.actor,
      reason: change.reason,
      buyerId: change.buyerId,
      sellerId: change.sellerId,
    }),

  orderShipped: (
    order: store.OrderRow,
    sellerOrder: SellerOrderParty,
    buyer: Contact,
    shipment: { carrier: string; trackingNumber: string; trackingUrl: string | null },
    lines: store.OrderLineRow[],
  ) =>
    createEvent("OrderShipped", {
      ...parties(order, sellerOrder, buyer),
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber,
      trackingUrl: shipment.trackingUrl,
      lines: lines.map((line) => ({ title: line.title, quantity: line.quantity })),
    }),

  orderDelivered: (order: store.OrderRow, sellerOrder: SellerOrderParty, buyer: Contact) =>
    createEvent("OrderDelivered", parties(order, sellerOrder, buyer)),

  sellerOrderCompleted: (order: store.OrderRow, sellerOrder: store.SellerOrderRow, at: number) => {
    const money = (amount: number) => ({ amount, currency: order.currency });
    return createEvent("SellerOrderCompleted", {
      orderId: order.id,
      sellerOrderId: sellerOrder.id,
      sellerId: sellerOrder.sellerId,
      total: money(sellerOrder.total),
      refunded: money(sellerOrder.refundedTotal),
      sellerFundedDiscount: money(sellerOrder.sellerFundedDiscount),
      completedAt: new Date(at).toISOString(),
    });
  },

  orderCompleted: (order: store.OrderRow, at: number) =>
    createEvent("OrderCompleted", {
      orderId: order.id,
      buyerId: order.buyerId,
      completedAt: new Date(at).toISOString(),
    }),
};
