import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { payments } from "../../schema/payments";
import { createApp } from "../../workers/app";
import { loadConfig } from "../../workers/config";
import { createLogger } from "../../workers/lib/log";
import { startPayment } from "../../workers/payments/service";
import { signSimulatedEvent } from "../../workers/payments/simulated";
import { buildServices } from "../../workers/platform/services";
import { firstRow } from "../support/database";
import { envWith } from "../support/env";
import { api } from "../support/http";

const services = buildServices(env, loadConfig(env), createExecutionContext(), createLogger());
const pay = (orderId: string) =>
  startPayment(services, { orderId, total: { amount: 1500, currency: "EUR" }, description: `Order ${orderId}` });

describe("simulated payments (security)", () => {
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

  it("hides the dev routes when the simulator is not the provider", async () => {
    const payment = await pay("ord_sim_4");
    const stripeEnv = envWith({ PAYMENT_PROVIDER: "stripe", STRIPE_SECRET_KEY: "sk", STRIPE_WEBHOOK_SECRET: "wh" });
    for (const answer of ["succeed", "processing", "fail", "succeed?deliver=false"]) {
      const response = await createApp().fetch(
        new Request(`http://bazaar.test/v1/dev/payments/${payment.id}/${answer}`, { method: "POST" }),
        stripeEnv,
        createExecutionContext(),
      );
      expect(response.status).toBe(404);
    }
    expect(
      (await firstRow(services.db.select().from(payments).where(eq(payments.id, payment.id)).limit(1)))?.status,
    ).toBe("pending");
  });
});
