import { createEvent } from "../../queues/events";
import type { Money } from "../lib/money";
import type { ProviderName } from "./provider";
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

  /** Accepted but settling later: the amount is the one asked for, nothing is captured yet. */
  paymentProcessing: (payment: store.PaymentRow) =>
    createEvent("PaymentProcessed", {
      ...ids(payment),
      provider: payment.provider,
      outcome: "processing",
      amount: payment.amount,
      currency: payment.currency,
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

  paymentDisputed: (payment: store.PaymentRow, dispute: store.DisputeRow) =>
    createEvent("PaymentDisputed", {
      ...ids(payment),
      disputeId: dispute.id,
      amount: dispute.amount,
      currency: dispute.currency,
      reason: dispute.reason,
    }),

  disputeClosed: (dispute: store.DisputeRow, outcome: "won" | "lost") =>
    createEvent("PaymentDisputeClosed", {
      paymentId: dispute.paymentId,
      orderId: dispute.orderId,
      disputeId: dispute.id,
      outcome,
      amount: { amount: dispute.amount, currency: dispute.currency },
    }),

  payoutAccountUpdated: (provider: ProviderName, account: PayoutAccountState) =>
    createEvent("PayoutAccountUpdated", { provider, ...account }),
};

interface PayoutAccountState {
  providerAccountId: string;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
}
