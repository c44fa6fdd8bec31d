import { createExecutionContext } from "cloudflare:test";
import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { payments, paymentWebhookEvents } from "../../schema/payments";
import { outbox } from "../../schema/platform";
import { createApp } from "../../workers/app";
import { loadConfig } from "../../workers/config";
import { createLogger } from "../../workers/lib/log";
import { startPayment } from "../../workers/payments/service";
import { buildServices } from "../../workers/platform/services";
import { firstRow } from "../support/database";
import { envWith } from "../support/env";
import { recordedRequests, recorderUrl, scriptReply } from "../support/outside";

const SCOPE = "sk_test_stripe_adapter";
const WEBHOOK_SECRET = "whsec_test_secret";
const stripeEnv = envWith({
  PAYMENT_PROVIDER: "stripe",
  STRIPE_SECRET_KEY: SCOPE,
  STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  STRIPE_API_BASE: recorderUrl,
});
const app = createApp();
const ctx = createExecutionContext();
const services = buildServices(stripeEnv, loadConfig(stripeEnv), ctx, createLogger());

async function signedWebhook(event: Record<string, unknown>, secret = WEBHOOK_SECRET) {
  const payload = JSON.stringify(event);
  const header = await Stripe.webhooks.generateTestHeaderStringAsync({
    payload,
    secret,
    cryptoProvider: Stripe.createSubtleCryptoProvider(),
  });
  return app.fetch(
    new Request("http://bazaar.test/v1/webhooks/stripe", {
      method: "POST",
      headers: { "stripe-signature": header, "content-type": "application/json" },
      body: payload,
    }),
    stripeEnv,
    createExecutionContext(),
  );
}

const intentEvent = (id: string, type: string, intentId: string, extra: Record<string, unknown> = {}) => ({
  id,
  object: "event",
  type,
  data: {
    object: { id: intentId, object: "payment_intent", amount: 2599, amount_received: 2599, currency: "eur", ...extra },
  },
});

async function stripePayment(orderId: string, intentId: string) {
  await scriptReply({
    scope: SCOPE,
    method: "POST",
    path: "/v1/payment_intents",
    status: 200,
    body: {
      id: intentId,
      object: "payment_intent",
      client_secret: `${intentId}_secret_x`,
      amount: 2599,
      currency: "eur",
    },
  });
  return startPayment(services, { orderId, total: { amount: 2599, currency: "EUR" }, description: `Order ${orderId}` });
}

describe("Stripe adapter", () => {
  it("creates a PaymentIntent with the amount, currency, order metadata and the order as idempotency key", async () => {
    const payment = await stripePayment("ord_stripe_1", "pi_1");
    expect(payment).toMatchObject({
      provider: "stripe",
      providerPaymentId: "pi_1",
      clientSecret: "pi_1_secret_x",
      status: "pending",
    });
    const [request] = (await recordedRequests(SCOPE)).filter((r) => r.path === "/v1/payment_intents");
    const form = new URLSearchParams(request?.body);
    expect(form.get("amount")).toBe("2599");
    expect(form.get("currency")).toBe("eur");
    expect(form.get("metadata[orderId]")).toBe("ord_stripe_1");
    expect(form.get("automatic_payment_methods[enabled]")).toBe("true");
    expect(request?.headers["idempotency-key"]).toBe("order-ord_stripe_1");
    // A retried checkout does not create a second payment.
    expect(
      (
        await startPayment(services, {
          orderId: "ord_stripe_1",
          total: { amount: 2599, currency: "EUR" },
          description: "",
        })
      ).id,
    ).toBe(payment.id);
  });

  it("accepts a signed payment_intent.succeeded once and enqueues PaymentProcessed", async () => {
    const payment = await stripePayment("ord_stripe_2", "pi_2");
    const first = await signedWebhook(intentEvent("evt_s_1", "payment_intent.succeeded", "pi_2"));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, outcome: "accepted" });
    const again = await signedWebhook(intentEvent("evt_s_1", "payment_intent.succeeded", "pi_2"));
    expect(await again.json()).toEqual({ received: true, outcome: "duplicate" });

    const stored = await firstRow(services.db.select().from(payments).where(eq(payments.id, payment.id)).limit(1));
    expect(stored).toMatchObject({ status: "succeeded", capturedAmount: 2599 });
    const events = await services.db.select().from(outbox).where(eq(outbox.type, "PaymentProcessed"));
    const processed = events.map((row) => JSON.parse(row.envelope)).filter((e) => e.data.orderId === "ord_stripe_2");
    expect(processed).toHaveLength(1);
    expect(processed[0].data).toMatchObject({ outcome: "succeeded", amount: 2599, currency: "EUR" });
  });

  it("ignores a failure that arrives after the success", async () => {
    const payment = await stripePayment("ord_stripe_3", "pi_3");
    await signedWebhook(intentEvent("evt_s_3a", "payment_intent.succeeded", "pi_3"));
    const late = await signedWebhook(
      intentEvent("evt_s_3b", "payment_intent.payment_failed", "pi_3", {
        last_payment_error: { message: "card declined" },
      }),
    );
    expect(late.status).toBe(200);
    expect(
      (await firstRow(services.db.select().from(payments).where(eq(payments.id, payment.id)).limit(1)))?.status,
    ).toBe("succeeded");
  });

  it("refuses a bad signature with 400 and stores nothing", async () => {
    const response = await signedWebhook(intentEvent("evt_forged", "payment_intent.succeeded", "pi_2"), "whsec_wrong");
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect((await response.json<{ code: string }>()).code).toBe("invalid_signature");
    const rows = await services.db
      .select()
      .from(paymentWebhookEvents)
      .where(eq(paymentWebhookEvents.eventId, "evt_forged"));
    expect(rows).toEqual([]);
  });

  it("records a webhook for a payment it does not know without failing", async () => {
    const response = await signedWebhook(intentEvent("evt_unknown", "payment_intent.succeeded", "pi_nobody"));
    expect(await response.json()).toEqual({ received: true, outcome: "unmatched" });
    const rows = await services.db
      .select()
      .from(paymentWebhookEvents)
      .where(eq(paymentWebhookEvents.eventId, "evt_unknown"));
    expect(rows).toHaveLength(1);
  });

  it("refuses the simulator's webhook and dev routes while Stripe is the provider", async () => {
    const response = await app.fetch(
      new Request("http://bazaar.test/v1/webhooks/simulated", { method: "POST", body: "{}" }),
      stripeEnv,
      createExecutionContext(),
    );
    expect(response.status).toBe(404);
  });
});
