import { createEvent } from "../../queues/events";
import type { Money } from "../lib/money";
import type * as store from "./store";

/** What the payments module emits (through the outbox, atomically with the record of the provider's webhook). */
const ids = (payment: store.PaymentRow) => ({ paymentId: payment.id, orderId: payment.orderId });

export const paymentEvents = {
  paymentSucceeded: (payment: store.PaymentRow, captured: Money) =>
    createEvent("PaymentProcessed", {
      ...ids(payment),
      provider: payment.provider,
      outcome: "succeeded",
      amount: captured.amount,
      currency: captured.currency,
    }),

  paymentFailed: (payment: store.PaymentRow, failureReason: string) =>
    createEvent("PaymentProcessed", {
      ...ids(payment),
      provider: payment.provider,
      outcome: "failed",
      amount: payment.amount,
      currency: payment.currency,
      failureReason,
    }),

  paymentRefunded: (payment: store.PaymentRow, refundedTotal: Money) =>
    createEvent("PaymentRefunded", {
      ...ids(payment),
      refundedTotal: refundedTotal.amount,
      currency: refundedTotal.currency,
    }),

  refundedOutside: (payment: store.PaymentRow, amount: Money, refundedTotal: Money) =>
    createEvent("PaymentRefundedOutside", { ...ids(payment), amount, refundedTotal }),

  paymentDisputed: (payment: store.PaymentRow, dispute: { amount: Money; reason: string }) =>
    createEvent("PaymentDisputed", {
      ...ids(payment),
      amount: dispute.amount.amount,
      currency: dispute.amount.currency,
      reason: dispute.reason,
    }),
};
