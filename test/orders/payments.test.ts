import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createEvent } from "../../queues/events";
import { orderLines, orderStatusHistory } from "../../schema/orders";
import { payments, paymentWebhookEvents, reconciliationFindings } from "../../schema/payments";
import { userCartName } from "../../workers/cart/token";
import worker from "../../workers/index";
import { orderLedger } from "../../workers/orders";
import { runReconciliation } from "../../workers/payments/reconciliation";
import { signSimulatedEvent } from "../../workers/payments/simulated";
import { firstRow, testDatabase } from "../support/database";
import { eventually } from "../support/eventually";
import { api, asSeller, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { waitForMail } from "../support/mail";
import {
  addToCart,
  db,
  eur,
  eventsFor,
  orderRow,
  ordersTestContext,
  placeOrder,
  settlePayment,
  stockLevels,
  waitForOrderStatus,
} from "../support/orders";

async function orderWithCover() {
  const seller = await asSeller({ shipsFrom: "DE" });
  const listing = await listBook(seller, {
    quantity: 2,
    price: 1500,
    coverOptions: [{ name: "Leather", kind: "material", price: 700 }],
  });
  const plain = await listBook(seller, { quantity: 1, price: 900 });
  const buyer = await signUp({ name: "Paying Reader", verified: true });
  await addToCart(buyer, listing.id, { coverOptionId: listing.coverOptions[0]!.id });
  await addToCart(buyer, plain.id);
  const placed = await placeOrder(buyer);
  return { seller, listing, plain, buyer, ...placed };
}

/** A correctly signed simulator success for the payment, for whatever amount and currency it says. */
async function signedSuccess(paymentId: string, amount: number, currency: string) {
  const stored = await firstRow(db.select().from(payments).where(eq(payments.id, paymentId)).limit(1));
  const body = JSON.stringify({
    id: `sim_evt_${crypto.randomUUID().replace(/-/g, "")}`,
    type: "payment.succeeded",
    data: { paymentId: stored!.providerPaymentId, amount, currency },
  });
  const response = await api("/v1/webhooks/simulated", {
    method: "POST",
    headers: { "x-simulated-signature": await signSimulatedEvent("test-simulated-webhook-secret", body) },
    body,
  });
  return response.json<{ outcome: string }>();
}

async function historyOf(orderId: string) {
  const rows = await db.select().from(orderStatusHistory).where(eq(orderStatusHistory.orderId, orderId));
  return rows.filter((row) => row.sellerOrderId === null).map((row) => [row.fromStatus, row.toStatus]);
}

describe("payment outcomes (simulated provider)", () => {
  it("pays the order through the full flow: webhook → consumer → paid, copies sold, cart cleared, mail", async () => {
    const { listing, plain, buyer, order, payment } = await orderWithCover();
    expect(await settlePayment(payment.id, "succeed")).toMatchObject({ outcome: "accepted" });

    const paid = await waitForOrderStatus(order.id, "paid");
    expect(paid.paidAt).not.toBeNull();
    expect(await historyOf(order.id)).toEqual([
      [null, "pending_payment"],
      ["pending_payment", "paid"],
    ]);
    expect(await stockLevels(listing.id)).toEqual({ onHand: 1, held: 0, available: 1 });
    expect(await stockLevels(plain.id)).toEqual({ onHand: 0, held: 0, available: 0 });
    expect(await env.CART.getByName(userCartName(buyer.userId)).lines()).toEqual([]);

    const [orderPaid] = await eventsFor(order.id, "OrderPaid");
    expect(orderPaid?.data).toMatchObject({
      buyerId: buyer.userId,
      buyer: { email: buyer.email, name: "Paying Reader" },
      totals: { total: eur(order.totals.total.amount) },
    });
    const prints = await eventsFor(order.id, "CoverPrintRequested");
    expect(prints.map((event) => event.data)).toEqual([
      expect.objectContaining({ listingId: listing.id, coverName: "Leather", quantity: 1 }),
    ]);

    const [mail] = await waitForMail(buyer.email, "order-confirmation");
    expect(mail!.subject).toContain(order.id);
    expect(mail!.text).toContain("1 × Test Book");
    expect(mail!.text).toContain("Leather");
    expect(mail!.text).toMatch(new RegExp(`Total paid\\s+${(order.totals.total.amount / 100).toFixed(2)} EUR`));
  });

  it("marks a declined payment failed, lets the copies go, and mails the buyer", async () => {
    const { listing, buyer, order, payment } = await orderWithCover();
    await settlePayment(payment.id, "fail", "insufficient funds");
    await waitForOrderStatus(order.id, "payment_failed");
    expect(await stockLevels(listing.id)).toEqual({ onHand: 2, held: 0, available: 2 });
    const [mail] = await waitForMail(buyer.email, "payment-failed");
    expect(mail!.text).toContain("insufficient funds");
    // The cart stays as it was, so the buyer can try again.
    expect(await env.CART.getByName(userCartName(buyer.userId)).lines()).toHaveLength(2);
  });

  it("pays an order whose first payment failed when a later attempt succeeds, holding the copies again", async () => {
    const { listing, order, payment } = await orderWithCover();
    await settlePayment(payment.id, "fail");
    await waitForOrderStatus(order.id, "payment_failed");
    await settlePayment(payment.id, "succeed");
    await waitForOrderStatus(order.id, "paid");
    expect(await stockLevels(listing.id)).toEqual({ onHand: 1, held: 0, available: 1 });
    const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, order.id));
    expect(lines.every((line) => line.reservationId.endsWith(":again"))).toBe(true);
  });

  it("ignores a failure that arrives after the success", async () => {
    const { listing, order, payment } = await orderWithCover();
    await settlePayment(payment.id, "succeed");
    await waitForOrderStatus(order.id, "paid");
    await settlePayment(payment.id, "fail", "too late");
    // Wait until the failure's event was consumed, then check it changed nothing.
    const [failure] = (await eventsFor(order.id, "PaymentProcessed")).filter((e) => e.data.outcome === "failed");
    await eventually(async () => {
      const done = await testDatabase
        .prepare("SELECT 1 AS done FROM processed_events WHERE consumer = 'orders.payment-outcomes' AND event_id = ?")
        .bind(failure!.id)
        .first<number>("done");
      return done ?? undefined;
    });
    expect((await orderRow(order.id))?.status).toBe("paid");
    expect(await historyOf(order.id)).toEqual([
      [null, "pending_payment"],
      ["pending_payment", "paid"],
    ]);
    expect(await stockLevels(listing.id)).toEqual({ onHand: 1, held: 0, available: 1 });
  });

  it("treats a repeated webhook as a duplicate and a second success as changing nothing", async () => {
    const { plain, order, payment } = await orderWithCover();
    const stored = await firstRow(db.select().from(payments).where(eq(payments.id, payment.id)).limit(1));
    const body = JSON.stringify({
      id: `sim_evt_dup_${order.id}`,
      type: "payment.succeeded",
      data: { paymentId: stored!.providerPaymentId, amount: stored!.amount, currency: "EUR" },
    });
    const send = async () =>
      api("/v1/webhooks/simulated", {
        method: "POST",
        headers: { "x-simulated-signature": await signSimulatedEvent("test-simulated-webhook-secret", body) },
        body,
      });
    const outcomes = [];
    for (const response of [await send(), await send()])
      outcomes.push((await response.json<{ outcome: string }>()).outcome);
    expect(outcomes).toEqual(["accepted", "duplicate"]);
    await waitForOrderStatus(order.id, "paid");
    await settlePayment(payment.id, "succeed");
    await eventually(async () => ((await eventsFor(order.id, "PaymentProcessed")).length === 2 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await eventsFor(order.id, "OrderPaid")).toHaveLength(1);
    expect(await historyOf(order.id)).toHaveLength(2);
    expect(await stockLevels(plain.id)).toEqual({ onHand: 0, held: 0, available: 0 });
  });

  it("has one effect when the consumer gets the same PaymentProcessed twice", async () => {
    const { order, payment } = await orderWithCover();
    const event = createEvent("PaymentProcessed", {
      paymentId: payment.id,
      orderId: order.id,
      provider: "simulated",
      outcome: "succeeded",
      amount: order.totals.total.amount,
      currency: "EUR",
    });
    const batch = createMessageBatch("order-events", [
      { id: "pp-1", timestamp: new Date(), attempts: 1, body: event },
      { id: "pp-2", timestamp: new Date(), attempts: 2, body: event },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(["pp-1", "pp-2"]);
    expect((await orderRow(order.id))?.status).toBe("paid");
    expect(await eventsFor(order.id, "OrderPaid")).toHaveLength(1);
    expect(await historyOf(order.id)).toHaveLength(2);
  });

  it("acknowledges a payment event for an order that does not exist, and records an unknown webhook", async () => {
    const event = createEvent("PaymentProcessed", {
      paymentId: `pay_${"0".repeat(32)}`,
      orderId: `ord_${"0".repeat(32)}`,
      provider: "simulated",
      outcome: "succeeded",
      amount: 100,
      currency: "EUR",
    });
    const batch = createMessageBatch("order-events", [
      { id: "ghost", timestamp: new Date(), attempts: 1, body: event },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["ghost"]);

    const body = JSON.stringify({
      id: "sim_evt_unknown_payment",
      type: "payment.succeeded",
      data: { paymentId: "sim_pi_nobody", amount: 100, currency: "EUR" },
    });
    const response = await api("/v1/webhooks/simulated", {
      method: "POST",
      headers: { "x-simulated-signature": await signSimulatedEvent("test-simulated-webhook-secret", body) },
      body,
    });
    expect(await response.json()).toEqual({ received: true, outcome: "unmatched" });
    const recorded = await db
      .select()
      .from(paymentWebhookEvents)
      .where(eq(paymentWebhookEvents.eventId, "sim_evt_unknown_payment"));
    expect(recorded).toHaveLength(1);
  });

  for (const [what, wrong] of [
    ["1 cent", () => ({ amount: 1, currency: "EUR" })],
    ["another currency", (total: number) => ({ amount: total, currency: "USD" })],
  ] as const) {
    it(`never pays an order with a signed success for ${what}: flagged, refunded, admins alerted, reconciled`, async () => {
      const { listing, plain, order, payment } = await orderWithCover();
      const { amount, currency } = wrong(order.totals.total.amount);
      expect(await signedSuccess(payment.id, amount, currency)).toMatchObject({ outcome: "accepted" });

      const cancelled = await waitForOrderStatus(order.id, "cancelled");
      expect(cancelled).toMatchObject({ paidAt: null, cancelReason: "payment_amount_mismatch", refundedTotal: 0 });
      expect(await eventsFor(order.id, "OrderPaid")).toEqual([]);
      const refunded = await eventually(async () => {
        const row = await firstRow(db.select().from(payments).where(eq(payments.id, payment.id)).limit(1));
        return row?.refundedAmount === amount ? row : undefined;
      });
      expect(refunded).toMatchObject({ capturedAmount: amount, capturedCurrency: currency });
      expect(await stockLevels(listing.id)).toEqual({ onHand: 2, held: 0, available: 2 });
      expect(await stockLevels(plain.id)).toEqual({ onHand: 1, held: 0, available: 1 });

      const [alert] = await waitForMail("admin-0@bazaar.test", "operator-alert");
      expect(alert!.subject).toContain(order.id);
      expect(alert!.text).toContain(`${amount} ${currency}`);

      const run = await runReconciliation(
        { services: ordersTestContext().services, orders: orderLedger(ordersTestContext().services) },
        Date.now() + 11 * 60_000,
      );
      const findings = await db
        .select()
        .from(reconciliationFindings)
        .where(eq(reconciliationFindings.runAt, run.runAt));
      expect(findings.filter((row) => row.orderId === order.id).map((row) => row.kind)).toEqual([
        "payment_amount_mismatch",
      ]);
    });
  }
});
