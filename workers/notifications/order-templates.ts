import type { EventData } from "../../queues/event-catalogue";
import type { Config } from "../config";
import { formatMoney, type Money } from "../lib/money";
import { inertName, type RenderedMail } from "./templates";

/** Mail about orders: confirmation with the receipt, payment failed, delivered, cancelled, refunded. */

const orderLink = (config: Config, orderId: string) => `${config.PUBLIC_BASE_URL}/orders/${orderId}`;
const greeting = (buyer: { name: string } | null) => `Hello ${buyer ? inertName(buyer.name) : "there"},`;
const row = (label: string, money: Money) => `${label.padEnd(16)}${formatMoney(money).padStart(14)}`;

export const orderTemplates = {
  confirmation(config: Config, data: EventData<"OrderPaid">): RenderedMail {
    const lines = data.lines.map((line) => {
      const cover = line.cover
        ? ` — ${line.cover}${line.inscription ? ` "${line.inscription}"` : ""} (+${formatMoney(line.coverPrice)} each)`
        : "";
      return `${line.quantity} × ${line.title} at ${formatMoney(line.unitPrice)}${cover}: ${formatMoney(line.lineTotal)}`;
    });
    const address = data.shippingAddress as { name: string; city: string; country: string };
    const sellers = data.sellerOrders.length;
    return {
      template: "order-confirmation",
      subject: `Your Book Bazaar order ${data.orderId} is confirmed`,
      text: [
        greeting(data.buyer),
        `Thank you! We received your payment for order ${data.orderId} on ${data.paidAt.slice(0, 10)}.`,
        `Receipt\n${lines.join("\n")}`,
        [
          row("Items", data.totals.items),
          row("Covers", data.totals.covers),
          row("Shipping", data.totals.shipping),
          row("Tax (included)", data.totals.tax),
          row("Total paid", data.totals.total),
        ].join("\n"),
        `Ships ${data.shippingMethod} to ${inertName(address.name)}, ${address.city}, ${address.country}. ` +
          (sellers > 1
            ? `${sellers} sellers each send their part; you will get a mail with tracking for each parcel.`
            : "You will get a mail with tracking when it is on its way."),
        `Your order: ${orderLink(config, data.orderId)}`,
      ].join("\n\n"),
    };
  },

  paymentFailed(config: Config, data: EventData<"OrderPaymentFailed">): RenderedMail {
    return {
      template: "payment-failed",
      subject: `Payment failed for your Book Bazaar order ${data.orderId}`,
      text: [
        greeting(data.buyer),
        `The payment of ${formatMoney(data.total)} for order ${data.orderId} did not go through (${data.reason}). Nothing was charged.`,
        "The books are no longer held for you. You can try the payment again, or check out again from your cart.",
        `Your order: ${orderLink(config, data.orderId)}`,
      ].join("\n\n"),
    };
  },

  delivered(config: Config, data: EventData<"OrderDelivered">): RenderedMail {
    return {
      template: "order-delivered",
      subject: `Your parcel from ${inertName(data.storeName)} was delivered`,
      text: [
        greeting(data.buyer),
        `${inertName(data.storeName)}'s part of order ${data.orderId} was delivered. Happy reading!`,
        `If something is wrong with it, reply to the seller from your order: ${orderLink(config, data.orderId)}`,
      ].join("\n\n"),
    };
  },

  cancelled(config: Config, data: EventData<"OrderCancelled">): RenderedMail {
    const why: Record<string, string> = {
      stock_unavailable_after_payment:
        "your payment arrived after the books were no longer held for you, and they have been sold since",
      order_cancelled_before_payment: "it was cancelled before the payment arrived",
      buyer_requested: "you asked us to",
    };
    return {
      template: "order-cancelled",
      subject: `Your Book Bazaar order ${data.orderId} is cancelled`,
      text: [
        greeting(data.buyer),
        `Order ${data.orderId} is cancelled because ${why[data.reason] ?? data.reason.replace(/_/g, " ")}.`,
        data.paid
          ? `The ${formatMoney(data.total)} you paid is refunded in full; you will get a separate mail when the refund is on its way.`
          : "Nothing was charged.",
        `Your order: ${orderLink(config, data.orderId)}`,
      ].join("\n\n"),
    };
  },

  refunded(config: Config, data: EventData<"RefundIssued">): RenderedMail {
    const lines = data.lines
      .filter((line) => line.amount.amount > 0 || line.quantity > 0)
      .map((line) => `${line.quantity} × ${line.title}: ${formatMoney(line.amount)}`);
    return {
      template: "refund-issued",
      subject: `Refund of ${formatMoney(data.amount)} for your Book Bazaar order ${data.orderId}`,
      text: [
        greeting(data.buyer),
        `We refunded ${formatMoney(data.amount)} for order ${data.orderId} (${data.reason.replace(/_/g, " ")}). It reaches your account through your payment method within a few days.`,
        ...(lines.length ? [`Refunded\n${lines.join("\n")}`] : []),
        `Refunded on this order so far: ${formatMoney(data.orderRefunded)}.`,
        `Your order: ${orderLink(config, data.orderId)}`,
      ].join("\n\n"),
    };
  },
};
