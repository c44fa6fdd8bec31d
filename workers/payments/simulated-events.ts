import { AppError } from "../http/errors";
import { newId } from "../lib/ids";
import type { PaymentsContext } from "./context";
import { signSimulatedEvent } from "./simulated";
import { recordOnce, setSimulatedStatus, settleSimulatedRecord, simulatedRecord } from "./simulated-records";
import * as store from "./store";
import { acceptWebhook } from "./webhooks";

/**
 * The simulator's dev actions: each changes the simulator's own records as the provider would, then builds a
 * signed event and delivers it through the same path as `POST /v1/webhooks/simulated` — unless told not to, which
 * is a webhook the provider sent and Book Bazaar never received (reconciliation finds it).
 */

export type SimulatedAnswer = "succeed" | "processing" | "fail";
type Delivery = { eventId: string; outcome: string };

function simulatorOf({ services }: PaymentsContext) {
  if (services.payments.name !== "simulated") throw new AppError("not_found", "The payment simulator is not active.");
  return services;
}

async function deliver(ctx: PaymentsContext, type: string, data: Record<string, unknown>, send = true) {
  const eventId = newId("evt").replace("evt_", "sim_evt_");
  if (!send) return { eventId, outcome: "not_delivered" };
  const body = JSON.stringify({ id: eventId, type, data });
  const signature = await signSimulatedEvent(ctx.config.SIMULATED_WEBHOOK_SECRET!, body);
  return { eventId, outcome: await acceptWebhook(ctx, "simulated", body, signature) };
}

async function paymentOf(ctx: PaymentsContext, paymentId: string) {
  const payment = await store.paymentById(simulatorOf(ctx).db, paymentId);
  if (!payment) throw new AppError("not_found", "No such payment.");
  return payment;
}

const EVENT_OF: Record<SimulatedAnswer, { type: string; status: "succeeded" | "processing" | "failed" }> = {
  succeed: { type: "payment.succeeded", status: "succeeded" },
  processing: { type: "payment.processing", status: "processing" },
  fail: { type: "payment.failed", status: "failed" },
};

/** The simulator's answer for a payment: recorded on its side (a success captures the amount), then delivered. */
export async function settleSimulatedPayment(
  ctx: PaymentsContext,
  paymentId: string,
  answer: SimulatedAnswer,
  options: { failureReason?: string; deliver?: boolean } = {},
): Promise<Delivery> {
  const payment = await paymentOf(ctx, paymentId);
  const { type, status } = EVENT_OF[answer];
  await settleSimulatedRecord(ctx.services.db, payment.providerPaymentId, {
    status,
    ...(answer === "succeed" && { amount: payment.amount }),
  });
  const data = {
    paymentId: payment.providerPaymentId,
    amount: payment.amount,
    currency: payment.currency,
    failureReason: options.failureReason,
  };
  return deliver(ctx, type, data, options.deliver !== false);
}

/** A buyer disputes a captured simulated payment (the whole amount unless told), as a chargeback would. */
export async function openSimulatedDispute(
  ctx: PaymentsContext,
  paymentId: string,
  request: { amount?: number; reason?: string },
): Promise<Delivery & { disputeId: string | null }> {
  const payment = await paymentOf(ctx, paymentId);
  if (payment.status !== "succeeded") throw new AppError("unprocessable", "Only a captured payment can be disputed.");
  const amount = request.amount ?? payment.capturedAmount;
  if (amount < 1 || amount > payment.capturedAmount) {
    throw new AppError("unprocessable", `A dispute is of 1 to ${payment.capturedAmount} minor units.`, {
      errors: [{ path: "amount", message: `at most ${payment.capturedAmount}` }],
    });
  }
  const reason = request.reason ?? "fraudulent";
  const record = await recordOnce(ctx.services.db, {
    id: `sim_dp_${newId("dsp").slice(4)}`,
    kind: "dispute",
    // One dispute per payment, as Stripe allows one per charge: asking again delivers news of the same one.
    idempotencyKey: `dispute-${payment.id}`,
    parentId: payment.providerPaymentId,
    amount,
    currency: payment.currency,
    status: "needs_response",
    metadata: { reason },
  });
  const data = {
    paymentId: payment.providerPaymentId,
    disputeId: record.id,
    amount,
    currency: payment.currency,
    reason,
  };
  const delivered = await deliver(ctx, "dispute.created", data);
  const dispute = await store.disputeByProviderId(ctx.services.db, "simulated", record.id);
  return { ...delivered, disputeId: dispute?.id ?? null };
}

/** The provider's decision on an open simulated dispute (`won` keeps the money with the marketplace). */
export async function closeSimulatedDispute(
  ctx: PaymentsContext,
  disputeId: string,
  outcome: "won" | "lost",
): Promise<Delivery> {
  const dispute = await store.disputeById(simulatorOf(ctx).db, disputeId);
  if (dispute?.provider !== "simulated") throw new AppError("not_found", "No such dispute.");
  if (dispute.status !== "open") {
    throw new AppError("invalid_transition", `The dispute is already ${dispute.status}.`, {
      currentStatus: dispute.status,
      requested: outcome,
    });
  }
  const payment = await paymentOf(ctx, dispute.paymentId);
  await setSimulatedStatus(ctx.services.db, dispute.providerDisputeId, outcome);
  return deliver(ctx, "dispute.closed", {
    paymentId: payment.providerPaymentId,
    disputeId: dispute.providerDisputeId,
    outcome,
  });
}

/** The provider's word on a simulated connected account (`account.updated`), e.g. once its onboarding is done. */
export async function updateSimulatedAccount(
  ctx: PaymentsContext,
  account: { providerAccountId: string; payoutsEnabled: boolean; detailsSubmitted: boolean },
): Promise<Delivery> {
  const services = simulatorOf(ctx);
  const record = await simulatedRecord(services.db, account.providerAccountId);
  if (record?.kind !== "account") throw new AppError("not_found", "No such simulated connected account.");
  await setSimulatedStatus(services.db, account.providerAccountId, account.payoutsEnabled ? "enabled" : "onboarding");
  return deliver(ctx, "account.updated", {
    accountId: account.providerAccountId,
    payoutsEnabled: account.payoutsEnabled,
    detailsSubmitted: account.detailsSubmitted,
  });
}
