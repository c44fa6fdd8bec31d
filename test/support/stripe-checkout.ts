import { createExecutionContext } from "cloudflare:test";
import Stripe from "stripe";
import { createApp } from "../../workers/app";
import { envWith } from "./env";
import type { TestAccount } from "./identity";
import { BERLIN, type CheckoutBody, newKey } from "./orders";
import { recorderUrl, scriptReply } from "./outside";

/**
 * The Worker with Stripe as its provider, the SDK pointed at the local recording server under `key` (the scope of
 * the file's recorded requests), and webhooks signed by the SDK with `webhookSecret`.
 */
export function stripeWorker(key: string, webhookSecret: string) {
  const stripeEnv = envWith({
    PAYMENT_PROVIDER: "stripe",
    STRIPE_SECRET_KEY: key,
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    STRIPE_API_BASE: recorderUrl,
  });
  const app = createApp();
  const call = (path: string, init: RequestInit) =>
    app.fetch(new Request(`http://bazaar.test${path}`, init), stripeEnv, createExecutionContext());

  async function webhook(event: { id: string; type: string; object: Record<string, unknown> }) {
    const payload = JSON.stringify({ id: event.id, object: "event", type: event.type, data: { object: event.object } });
    const header = await Stripe.webhooks.generateTestHeaderStringAsync({
      payload,
      secret: webhookSecret,
      cryptoProvider: Stripe.createSubtleCryptoProvider(),
    });
    const response = await call("/v1/webhooks/stripe", {
      method: "POST",
      headers: { "stripe-signature": header, "content-type": "application/json" },
      body: payload,
    });
    return { status: response.status, ...(await response.json<{ outcome?: string; code?: string }>()) };
  }

  /** Checks the buyer's cart out with a PaymentIntent `intentId` that the recording server answers. */
  async function checkout(buyer: TestAccount, intentId: string): Promise<CheckoutBody> {
    await scriptReply({
      scope: key,
      method: "POST",
      path: "/v1/payment_intents",
      status: 200,
      body: { id: intentId, object: "payment_intent", client_secret: `${intentId}_secret`, currency: "eur" },
    });
    const response = await call("/v1/checkout", {
      method: "POST",
      headers: { ...buyer.auth, "content-type": "application/json", "idempotency-key": newKey() },
      body: JSON.stringify({ shippingAddress: BERLIN }),
    });
    if (response.status !== 201) throw new Error(`checkout: ${response.status} ${await response.text()}`);
    return response.json<CheckoutBody>();
  }

  const intent = (intentId: string, amount: number, extra: Record<string, unknown> = {}) => ({
    id: intentId,
    object: "payment_intent",
    amount,
    amount_received: amount,
    currency: "eur",
    ...extra,
  });

  return { stripeEnv, call, webhook, checkout, intent };
}
