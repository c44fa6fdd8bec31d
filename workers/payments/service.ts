import type { EventEnvelope, EventType } from "../../queues/event-catalogue";
import { AppError } from "../http/errors";
import { newId } from "../lib/ids";
import type { Money } from "../lib/money";
import { atomically, type Statement } from "../platform/db";
import type { Services } from "../platform/services";
import { paymentEvents } from "./events";
import type { PaymentProvider, PaymentWebhookEvent, ProviderName } from "./provider";
import * as store from "./store";

/** Creates the order's payment once; a retried checkout gets the same payment back (the order id is the key). */
export async function startPayment(
  { db, payments }: Services,
  order: { orderId: string; total: Money; description: string },
): Promise<store.PaymentRow> {
  const existing = await store.paymentForOrder(db, order.orderId);
  if (existing) return existing;
  const created = await payments.createPayment({
    orderId: order.orderId,
    amount: order.total,
    description: order.description,
  });
  const now = Date.now();
  await store.insertPayment(db, {
    id: newId("pay"),
    orderId: order.orderId,
    provider: payments.name,
    providerPaymentId: created.providerPaymentId,
    status: "pending",
    amount: order.total.amount,
    currency: order.total.currency,
    clientSecret: created.clientSecret,
    createdAt: now,
    updatedAt: now,
  });
  return (await store.paymentForOrder(db, order.orderId))!;
}

/** What the payments module knows of an order's payment, for receipts and reconciliation. */
export async function paymentSummary(
  { db }: Pick<Services, "db">,
  orderId: string,
): Promise<
  | Pick<store.PaymentRow, "id" | "provider" | "status" | "amount" | "capturedAmount" | "refundedAmount" | "currency">
  | undefined
> {
  const payment = await store.paymentForOrder(db, orderId);
  if (!payment) return undefined;
  const { id, provider, status, amount, capturedAmount, refundedAmount, currency } = payment;
  return { id, provider, status, amount, capturedAmount, refundedAmount, currency };
}

export type WebhookOutcome = "accepted" | "duplicate" | "unmatched" | "ignored";

/**
 * The one path every provider webhook takes after its signature verified: record the provider's event id
 * (a duplicate is acknowledged and ignored), apply it to the payment and enqueue the event, atomically.
 */
export async function receiveWebhook(
  services: Services,
  provider: PaymentProvider,
  event: PaymentWebhookEvent,
  rawBody: string,
): Promise<WebhookOutcome> {
  const { db, outbox } = services;
  if (await store.webhookSeen(db, provider.name, event.providerEventId)) return "duplicate";
  const payment = event.providerPaymentId
    ? await store.paymentByProviderId(db, provider.name, event.providerPaymentId)
    : undefined;
  const record = store.recordWebhook(db, {
    provider: provider.name,
    eventId: event.providerEventId,
    type: event.type,
    providerPaymentId: event.providerPaymentId,
    paymentId: payment?.id ?? null,
    payload: rawBody,
    receivedAt: Date.now(),
  });
  const { statements, events } = await effects(services, provider.name, payment, event);
  try {
    await outbox.commit([record, ...statements], events);
  } catch (error) {
    // Two deliveries of one event racing: the record's primary key lets exactly one batch through.
    if (await store.webhookSeen(db, provider.name, event.providerEventId)) return "duplicate";
    throw error;
  }
  if (events.length > 0) return "accepted";
  return !payment && event.kind !== "ignored" && event.kind !== "account_updated" ? "unmatched" : "ignored";
}

interface Effects {
  statements: Statement[];
  events: EventEnvelope<EventType>[];
}
const NONE: Effects = { statements: [], events: [] };

async function effects(
  { db }: Services,
  provider: ProviderName,
  payment: store.PaymentRow | undefined,
  event: PaymentWebhookEvent,
): Promise<Effects> {
  // A connected account is no payment's: its news goes to whoever keeps the payout accounts.
  if (event.kind === "account_updated") {
    const { providerAccountId, payoutsEnabled, detailsSubmitted } = event;
    return {
      statements: [],
      events: [paymentEvents.payoutAccountUpdated(provider, { providerAccountId, payoutsEnabled, detailsSubmitted })],
    };
  }
  if (!payment) return NONE;
  switch (event.kind) {
    case "payment_succeeded":
      return {
        statements: [store.markSucceeded(db, payment.id, event.amount)],
        events: [paymentEvents.paymentSucceeded(payment, event.amount)],
      };
    case "payment_processing":
      // Late news of a payment already answered changes nothing.
      if (payment.status === "succeeded" || payment.status === "processing") return NONE;
      return {
        statements: [store.markProcessing(db, payment.id)],
        events: [paymentEvents.paymentProcessing(payment)],
      };
    case "payment_failed":
      return {
        statements: [store.markFailed(db, payment.id)],
        events: [paymentEvents.paymentFailed(payment, event.failureReason)],
      };
    case "charge_refunded": {
      // Book Bazaar's own refunds are added to the payment when they are made; what the provider refunded beyond
      // them was refunded outside it, and the sellers and operators must hear of it.
      const outside = event.refundedTotal.amount - payment.refundedAmount;
      return {
        statements: [store.markRefundedTotal(db, payment.id, event.refundedTotal.amount)],
        events: [
          paymentEvents.paymentRefunded(payment, event.refundedTotal),
          ...(outside > 0
            ? [paymentEvents.refundedOutside(payment, { ...event.refundedTotal, amount: outside }, event.refundedTotal)]
            : []),
        ],
      };
    }
    case "dispute_created":
      return openDispute(db, provider, payment, event);
    case "dispute_closed": {
      const dispute = await store.disputeByProviderId(db, provider, event.providerDisputeId);
      if (dispute?.status !== "open") return NONE;
      return {
        statements: [store.closeDispute(db, dispute.id, event.outcome, Date.now())],
        events: [paymentEvents.disputeClosed(dispute, event.outcome)],
      };
    }
    case "ignored":
      return NONE;
  }
}

/** One dispute row per provider dispute; news of one already open (another event id for it) changes nothing. */
async function openDispute(
  db: Services["db"],
  provider: ProviderName,
  payment: store.PaymentRow,
  event: Extract<PaymentWebhookEvent, { kind: "dispute_created" }>,
): Promise<Effects> {
  if (await store.disputeByProviderId(db, provider, event.providerDisputeId)) return NONE;
  const dispute: store.DisputeRow = {
    id: newId("dsp"),
    paymentId: payment.id,
    orderId: payment.orderId,
    provider,
    providerDisputeId: event.providerDisputeId,
    amount: event.amount.amount,
    currency: event.amount.currency,
    reason: event.reason,
    status: "open",
    createdAt: Date.now(),
    closedAt: null,
  };
  return {
    statements: [store.markDisputed(db, payment.id), store.insertDispute(db, dispute)],
    events: [paymentEvents.paymentDisputed(payment, dispute)],
  };
}

interface RefundAsk {
  orderId: string;
  amount: number;
  reason: string;
  idempotencyKey: string;
}

/** Refunds part or all of an order's captured payment, once per idempotency key, never beyond what was captured. */
export async function refundOrderPayment(services: Services, request: RefundAsk): Promise<store.RefundRow> {
  const previous = await store.refundByKey(services.db, request.idempotencyKey);
  if (previous) return previous;
  try {
    return await refundOnce(services, request);
  } catch (error) {
    // The same refund asked twice at once (a form sent twice): the key is the provider's too, so the money went
    // once, and the call that recorded it answers both; the other's refusal (too much, a duplicate key) is no error.
    const recorded = await store.refundByKey(services.db, request.idempotencyKey);
    if (recorded) return recorded;
    throw error;
  }
}

async function refundOnce({ db, payments }: Services, request: RefundAsk): Promise<store.RefundRow> {
  const payment = await store.paymentForOrder(db, request.orderId);
  if (payment?.status !== "succeeded") throw new AppError("unprocessable", "The order has no captured payment.");
  const refundable = payment.capturedAmount - payment.refundedAmount;
  if (request.amount < 1 || request.amount > refundable) {
    throw new AppError(
      "refund_exceeds_captured",
      `At most ${refundable} ${payment.currency} minor units can be refunded.`,
      {
        refundable: { amount: refundable, currency: payment.currency },
      },
    );
  }
  const { providerRefundId } = await payments.refund({
    providerPaymentId: payment.providerPaymentId,
    amount: { amount: request.amount, currency: payment.currency },
    reason: request.reason,
    idempotencyKey: request.idempotencyKey,
  });
  const refund: store.RefundRow = {
    id: newId("ref"),
    paymentId: payment.id,
    orderId: payment.orderId,
    amount: request.amount,
    currency: payment.currency,
    reason: request.reason,
    idempotencyKey: request.idempotencyKey,
    providerRefundId,
    createdAt: Date.now(),
  };
  await atomically(db, [store.insertRefund(db, refund), store.addRefunded(db, payment.id, request.amount)]);
  return refund;
}

/**
 * Gives back all a payment kept when it did not pay its order (the wrong amount or currency), once: the refund's
 * key is the payment's, so a retried consumer finds it done.
 */
export async function refundUnpaidCapture(services: Services, request: { orderId: string; reason: string }) {
  const payment = await store.paymentForOrder(services.db, request.orderId);
  if (payment?.status !== "succeeded") return undefined;
  const kept = payment.capturedAmount - payment.refundedAmount;
  if (kept < 1) return undefined;
  return refundOrderPayment(services, {
    orderId: request.orderId,
    amount: kept,
    reason: request.reason,
    idempotencyKey: `${payment.id}:${request.reason}`,
  });
}
