import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { payments } from "../../schema/payments";
import { outbox } from "../../schema/platform";
import { loadConfig } from "../../workers/config";
import { createLogger } from "../../workers/lib/log";
import { startPayment } from "../../workers/payments/service";
import { signSimulatedEvent } from "../../workers/payments/simulated";
import { buildServices } from "../../workers/platform/services";
import { firstRow } from "../support/database";
import { api } from "../support/http";

const services = buildServices(env, loadConfig(env), createExecutionContext(), createLogger());
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
    const stored = await firstRow(services.db.select().from(payments).where(eq(payments.id, payment.id)).limit(1));
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
});
