import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { orderRefunds } from "../../schema/orders";
import { resumePendingRefunds } from "../../workers/orders/refunds";
import { asSeller, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, db, eur, newKey, orderRow, ordersTestContext, waitForOrderStatus } from "../support/orders";
import { recordedRequests, scriptReply } from "../support/outside";
import { stripeWorker } from "../support/stripe-checkout";

const KEY = "sk_test_orders_stripe_flow";
const WEBHOOK_SECRET = "whsec_orders_flow";
const {
  stripeEnv,
  call,
  webhook: stripeWebhook,
  checkout: checkoutWithStripe,
  intent,
} = stripeWorker(KEY, WEBHOOK_SECRET);

const intentEvent = (id: string, type: string, intentId: string, amount: number, extra = {}) => ({
  id,
  type,
  object: intent(intentId, amount, extra),
});

describe("checkout and payment through the Stripe adapter", () => {
  it("creates the PaymentIntent for the order total with the order as key, and pays on the signed webhook", async () => {
    const seller = await asSeller();
    const buyer = await signUp();
    await addToCart(buyer, (await listBook(seller, { quantity: 1, price: 2500 })).id);
    const { order, payment } = await checkoutWithStripe(buyer, "pi_orders_flow_1");
    expect(payment).toMatchObject({ provider: "stripe", clientSecret: "pi_orders_flow_1_secret" });

    const [request] = (await recordedRequests(KEY)).filter((r) => r.path === "/v1/payment_intents");
    const form = new URLSearchParams(request!.body);
    expect(form.get("amount")).toBe(String(order.totals.total.amount));
    expect(form.get("currency")).toBe("eur");
    expect(form.get("metadata[orderId]")).toBe(order.id);
    expect(form.get("automatic_payment_methods[enabled]")).toBe("true");
    expect(request!.headers["idempotency-key"]).toBe(`order-${order.id}`);

    const total = order.totals.total.amount;
    const succeeded = intentEvent("evt_flow_ok", "payment_intent.succeeded", "pi_orders_flow_1", total);
    expect(await stripeWebhook(succeeded)).toMatchObject({ status: 200, outcome: "accepted" });
    expect(await stripeWebhook(succeeded)).toMatchObject({ status: 200, outcome: "duplicate" });
    await waitForOrderStatus(order.id, "paid");

    const failed = intentEvent("evt_flow_late_fail", "payment_intent.payment_failed", "pi_orders_flow_1", total, {
      last_payment_error: { message: "card declined" },
    });
    expect(await stripeWebhook(failed)).toMatchObject({ status: 200 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await orderRow(order.id))?.status).toBe("paid");
  });

  it("refunds through Stripe's Refunds API, resuming a refund whose answer was lost with the same key", async () => {
    const seller = await asSeller();
    const buyer = await signUp();
    await addToCart(buyer, (await listBook(seller, { quantity: 1, price: 3000 })).id);
    const { order } = await checkoutWithStripe(buyer, "pi_orders_flow_2");
    const total = order.totals.total.amount;
    await stripeWebhook(intentEvent("evt_flow_2_ok", "payment_intent.succeeded", "pi_orders_flow_2", total));
    await waitForOrderStatus(order.id, "paid");

    // Stripe does not answer the first time: the refund stays claimed (pending), its amount reserved.
    const key = newKey();
    const asking = () =>
      call(`/v1/orders/${order.id}/refunds`, {
        method: "POST",
        headers: { ...seller.auth, "content-type": "application/json", "idempotency-key": key },
        body: JSON.stringify({ amount: { amount: 700, currency: "EUR" }, reason: "scuffed", restock: false }),
      });
    expect((await asking()).status).toBe(500);
    const [pending] = await db.select().from(orderRefunds).where(eq(orderRefunds.orderId, order.id));
    expect(pending).toMatchObject({ state: "pending", amount: 700 });
    expect((await orderRow(order.id))?.refundedTotal).toBe(700);

    await scriptReply({
      scope: KEY,
      method: "POST",
      path: "/v1/refunds",
      status: 200,
      body: { id: "re_orders_flow_2", object: "refund", amount: 700, currency: "eur", status: "succeeded" },
    });
    const retried = await asking();
    expect(retried.status).toBe(201);
    expect(await retried.json()).toMatchObject({ id: pending!.id, state: "succeeded", amount: eur(700) });

    const asked = (await recordedRequests(KEY)).filter((r) => r.path === "/v1/refunds");
    expect(asked).toHaveLength(2);
    for (const request of asked) {
      const form = new URLSearchParams(request.body);
      expect(form.get("payment_intent")).toBe("pi_orders_flow_2");
      expect(form.get("amount")).toBe("700");
      expect(request.headers["idempotency-key"]).toBe(pending!.id);
    }
    expect(await orderRow(order.id)).toMatchObject({ status: "partially_refunded", refundedTotal: 700 });
  });

  it("finishes a refund left pending from the every-minute job", async () => {
    const seller = await asSeller();
    const buyer = await signUp();
    await addToCart(buyer, (await listBook(seller, { quantity: 1, price: 1000 })).id);
    const { order } = await checkoutWithStripe(buyer, "pi_orders_flow_3");
    await stripeWebhook(
      intentEvent("evt_flow_3_ok", "payment_intent.succeeded", "pi_orders_flow_3", order.totals.total.amount),
    );
    await waitForOrderStatus(order.id, "paid");
    const attempt = await call(`/v1/orders/${order.id}/refunds`, {
      method: "POST",
      headers: { ...seller.auth, "content-type": "application/json", "idempotency-key": newKey() },
      body: JSON.stringify({ amount: { amount: 300, currency: "EUR" }, reason: "late", restock: false }),
    });
    expect(attempt.status).toBe(500);
    await scriptReply({
      scope: KEY,
      method: "POST",
      path: "/v1/refunds",
      status: 200,
      body: { id: "re_orders_flow_3", object: "refund", amount: 300, currency: "eur", status: "succeeded" },
    });
    expect(await resumePendingRefunds(ordersTestContext(stripeEnv), Date.now() + 120_000)).toBeGreaterThanOrEqual(1);
    const [done] = await db.select().from(orderRefunds).where(eq(orderRefunds.orderId, order.id));
    expect(done).toMatchObject({ state: "succeeded", providerRefundId: "re_orders_flow_3" });
    expect((await orderRow(order.id))?.status).toBe("partially_refunded");
  });

  it("refuses a webhook with a bad signature before looking at it", async () => {
    const forged = intentEvent("evt_forged_flow", "payment_intent.succeeded", "pi_x", 100);
    const payload = JSON.stringify({
      id: forged.id,
      object: "event",
      type: forged.type,
      data: { object: forged.object },
    });
    const header = await Stripe.webhooks.generateTestHeaderStringAsync({
      payload,
      secret: "whsec_not_ours",
      cryptoProvider: Stripe.createSubtleCryptoProvider(),
    });
    const response = await call("/v1/webhooks/stripe", {
      method: "POST",
      headers: { "stripe-signature": header },
      body: payload,
    });
    expect(response.status).toBe(400);
    expect((await response.json<{ code: string }>()).code).toBe("invalid_signature");
  });
});
