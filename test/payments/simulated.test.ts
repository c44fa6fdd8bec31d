import { createExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { payments } from "../../schema/payments";
import { outbox } from "../../schema/platform";
import { createApp } from "../../workers/app";
import { loadConfig } from "../../workers/config";
import { createLogger } from "../../workers/lib/log";
import { startPayment } from "../../workers/payments/service";
import { signSimulatedEvent } from "../../workers/payments/simulated";
import { buildServices } from "../../workers/platform/services";
import { envWith } from "../support/env";

const services = buildServices(env, loadConfig(env), createExecutionContext(), createLogger());
const api = (path: string, init?: RequestInit) => exports.default.fetch(`http://bazaar.test${path}`, init);
const post = (path: string, body?: unknown) =>
  api(
    path,
    body === undefined
      ? { method: "POST" }
      : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
  );

const pay = (orderId: string) =>
  startPayment(services, { orderId, total: { amount: 1500, currency: "EUR" }, description: `Order ${orderId}` });

async function paymentEvents(orderId: string) {
  const rows = await services.db.select().from(outbox).where(eq(outbox.type, "PaymentProcessed"));
  return rows.map((row) => JSON.parse(row.envelope)).filter((event) => event.data.orderId === orderId);
}

describe("simulated payments", () => {
  it("succeeds a payment through a signed webhook and enqueues PaymentProcessed", async () => {
    const payment = await pay("ord_sim_1");
    expect(payment).toMatchObject({ provider: "simulated", status: "pending" });
    const response = await post(`/v1/dev/payments/${payment.id}/succeed`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: "accepted" });
    const stored = await services.db.select().from(payments).where(eq(payments.id, payment.id)).get();
    expect(stored).toMatchObject({ status: "succeeded", capturedAmount: 1500 });
    expect((await paymentEvents("ord_sim_1"))[0]?.data).toMatchObject({ outcome: "succeeded", amount: 1500 });
  });

  it("fails a payment with a reason", async () => {
    const payment = await pay("ord_sim_2");
    const response = await post(`/v1/dev/payments/${payment.id}/fail`, { failureReason: "insufficient funds" });
    expect(response.status).toBe(200);
    expect((await paymentEvents("ord_sim_2"))[0]?.data).toMatchObject({
      outcome: "failed",
      failureReason: "insufficient funds",
    });
  });

  it("treats a replayed signed webhook as a duplicate", async () => {
    const payment = await pay("ord_sim_3");
    const body = JSON.stringify({
      id: "sim_evt_replay",
      type: "payment.succeeded",
      data: { paymentId: payment.providerPaymentId, amount: 1500, currency: "EUR" },
    });
    const headers = {
      "content-type": "application/json",
      "x-simulated-signature": await signSimulatedEvent("test-simulated-webhook-secret", body),
    };
    const first = await api("/v1/webhooks/simulated", { method: "POST", headers, body });
    const second = await api("/v1/webhooks/simulated", { method: "POST", headers, body });
    expect(await first.json()).toMatchObject({ outcome: "accepted" });
    expect(await second.json()).toMatchObject({ outcome: "duplicate" });
    expect(await paymentEvents("ord_sim_3")).toHaveLength(1);
  });

  it("refuses an unsigned, forged or stale webhook", async () => {
    const body = JSON.stringify({
      id: "sim_evt_forged",
      type: "payment.succeeded",
      data: { paymentId: "x", amount: 1, currency: "EUR" },
    });
    const unsigned = await api("/v1/webhooks/simulated", { method: "POST", body });
    const forged = await api("/v1/webhooks/simulated", {
      method: "POST",
      headers: { "x-simulated-signature": await signSimulatedEvent("not-the-secret-at-all", body) },
      body,
    });
    const stale = await api("/v1/webhooks/simulated", {
      method: "POST",
      headers: {
        "x-simulated-signature": await signSimulatedEvent(
          "test-simulated-webhook-secret",
          body,
          Date.now() - 3_600_000,
        ),
      },
      body,
    });
    for (const response of [unsigned, forged, stale]) {
      expect(response.status).toBe(400);
      expect((await response.json<{ code: string }>()).code).toBe("invalid_signature");
    }
  });

  it("answers 404 for an unknown payment and 400 for a malformed id", async () => {
    expect((await post(`/v1/dev/payments/pay_${"0".repeat(32)}/succeed`)).status).toBe(404);
    const malformed = await post("/v1/dev/payments/not-a-payment/succeed");
    expect(malformed.status).toBe(400);
    expect((await malformed.json<{ code: string }>()).code).toBe("validation_failed");
  });

  it("hides the dev routes when the simulator is not the provider", async () => {
    const payment = await pay("ord_sim_4");
    const stripeEnv = envWith({ PAYMENT_PROVIDER: "stripe", STRIPE_SECRET_KEY: "sk", STRIPE_WEBHOOK_SECRET: "wh" });
    const response = await createApp().fetch(
      new Request(`http://bazaar.test/v1/dev/payments/${payment.id}/succeed`, { method: "POST" }),
      stripeEnv,
      createExecutionContext(),
    );
    expect(response.status).toBe(404);
    expect((await services.db.select().from(payments).where(eq(payments.id, payment.id)).get())?.status).toBe(
      "pending",
    );
  });
});
