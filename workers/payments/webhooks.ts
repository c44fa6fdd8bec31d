import { AppError } from "../http/errors";
import type { PaymentsContext } from "./context";
import type { ProviderName } from "./provider";
import { receiveWebhook, type WebhookOutcome } from "./service";

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
