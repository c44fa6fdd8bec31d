import { AppError } from "../http/errors";
import { newId } from "../lib/ids";
import type { PaymentsContext } from "./context";
import type { ProviderName } from "./provider";
import { receiveWebhook, type WebhookOutcome } from "./service";
import { signSimulatedEvent } from "./simulated";
import { paymentById } from "./store";

/** Shared by both providers' webhooks and by the simulator's dev routes: verify, dedupe, enqueue. */
export async function acceptWebhook(
  { services, log }: PaymentsContext,
  provider: ProviderName,
  rawBody: string,
  signature?: string,
): Promise<WebhookOutcome> {
  if (services.payments.name !== provider) throw new AppError("not_found", `The ${provider} provider is not active.`);
  const event = await services.payments.verifyWebhook(rawBody, signature);
  if (!event) throw new AppError("invalid_signature");
  const outcome = await receiveWebhook(services, services.payments, event, rawBody);
  log.info("payment webhook", { provider, providerEventId: event.providerEventId, type: event.type, outcome });
  return outcome;
}

/** The simulator's answer for a payment, built as a signed event and delivered through the webhook path. */
export async function settleSimulatedPayment(
  ctx: PaymentsContext,
  paymentId: string,
  outcome: "succeed" | "fail",
  failureReason?: string,
) {
  const { services, config } = ctx;
  if (services.payments.name !== "simulated") throw new AppError("not_found", "The payment simulator is not active.");
  const payment = await paymentById(services.db, paymentId);
  if (!payment) throw new AppError("not_found", "No such payment.");
  const eventId = newId("evt").replace("evt_", "sim_evt_");
  const body = JSON.stringify({
    id: eventId,
    type: outcome === "succeed" ? "payment.succeeded" : "payment.failed",
    data: {
      paymentId: payment.providerPaymentId,
      amount: payment.amount,
      currency: payment.currency,
      failureReason,
    },
  });
  const signature = await signSimulatedEvent(config.SIMULATED_WEBHOOK_SECRET!, body);
  return { eventId, outcome: await acceptWebhook(ctx, "simulated", body, signature) };
}
