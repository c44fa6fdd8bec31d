import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { payments } from "../../schema/payments";
import { loadConfig } from "../../workers/config";
import { createLogger } from "../../workers/lib/log";
import { updateSimulatedAccount } from "../../workers/payments";
import { buildServices } from "../../workers/platform/services";
import { firstRow } from "../support/database";
import { asSeller, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, db, paidOrder, placeOrder, waitForOrderStatus } from "../support/orders";
import { closeDispute, disputesOf, openDispute, outboxEvents } from "../support/payment-simulator";
import { stripeWorker } from "../support/stripe-checkout";

const stripe = stripeWorker("sk_test_disputes", "whsec_disputes");

async function paidFromNewSeller() {
  const seller = await asSeller();
  const buyer = await signUp();
  await addToCart(buyer, (await listBook(seller, { quantity: 1, price: 2400 })).id);
  return paidOrder(buyer);
}

const ofOrder = (orderId: string) => (data: Record<string, unknown>) => data.orderId === orderId;

describe("disputes through the simulator", () => {
  it("opens a dispute once: a disputes row, the payment flagged, PaymentDisputed with its id", async () => {
    const { order, payment } = await paidFromNewSeller();
    const opened = await openDispute(payment.id, { reason: "product_not_received" });
    expect(opened.status).toBe(200);
    const body = await opened.json<{ outcome: string; disputeId: string }>();
    expect(body).toMatchObject({ outcome: "accepted", disputeId: expect.stringMatching(/^dsp_/) });
    expect(await disputesOf(order.id)).toEqual([
      expect.objectContaining({
        id: body.disputeId,
        paymentId: payment.id,
        provider: "simulated",
        amount: order.totals.total.amount,
        currency: "EUR",
        reason: "product_not_received",
        status: "open",
        closedAt: null,
      }),
    ]);
    const stored = await firstRow(db.select().from(payments).where(eq(payments.id, payment.id)).limit(1));
    expect(stored?.disputed).toBe(true);
    const [disputed] = await outboxEvents("PaymentDisputed", ofOrder(order.id));
    expect(disputed?.data).toMatchObject({
      paymentId: payment.id,
      disputeId: body.disputeId,
      amount: order.totals.total.amount,
      currency: "EUR",
      reason: "product_not_received",
    });

    // Asked again, the simulator delivers news of the same dispute: nothing changes.
    const again = await (await openDispute(payment.id)).json<{ outcome: string; disputeId: string }>();
    expect(again).toMatchObject({ outcome: "ignored", disputeId: body.disputeId });
    expect(await disputesOf(order.id)).toHaveLength(1);
    expect(await outboxEvents("PaymentDisputed", ofOrder(order.id))).toHaveLength(1);
  });

  for (const outcome of ["won", "lost"] as const) {
    it(`closes a dispute ${outcome} once, with PaymentDisputeClosed`, async () => {
      const { order, payment } = await paidFromNewSeller();
      const { disputeId } = await (await openDispute(payment.id, { amount: 1000 })).json<{ disputeId: string }>();
      const closed = await closeDispute(disputeId, outcome);
      expect(closed.status).toBe(200);
      expect((await closed.json<{ outcome: string }>()).outcome).toBe("accepted");
      const [row] = await disputesOf(order.id);
      expect(row).toMatchObject({ status: outcome, closedAt: expect.any(Number) });
      const events = await outboxEvents("PaymentDisputeClosed", ofOrder(order.id));
      expect(events.map((event) => event.data)).toEqual([
        { paymentId: payment.id, orderId: order.id, disputeId, outcome, amount: { amount: 1000, currency: "EUR" } },
      ]);

      const twice = await closeDispute(disputeId, outcome === "won" ? "lost" : "won");
      expect(twice.status).toBe(409);
      expect((await twice.json<{ code: string }>()).code).toBe("invalid_transition");
      expect(await outboxEvents("PaymentDisputeClosed", ofOrder(order.id))).toHaveLength(1);
    });
  }

  it("refuses a dispute of an uncaptured payment or beyond it, an unknown one, and bad input", async () => {
    const seller = await asSeller();
    const buyer = await signUp();
    await addToCart(buyer, (await listBook(seller, { quantity: 1 })).id);
    const unpaid = await placeOrder(buyer);
    expect((await openDispute(unpaid.payment.id)).status).toBe(422);
    const { payment, order } = await paidFromNewSeller();
    expect((await openDispute(payment.id, { amount: order.totals.total.amount + 1 })).status).toBe(422);
    expect((await openDispute(payment.id, { amount: -5 })).status).toBe(400);
    expect((await openDispute(`pay_${"0".repeat(32)}`)).status).toBe(404);
    expect((await closeDispute(`dsp_${"0".repeat(32)}`, "won")).status).toBe(404);
    const malformed = await closeDispute("not-a-dispute", "won");
    expect(malformed.status).toBe(400);
    expect((await malformed.json<{ code: string }>()).code).toBe("validation_failed");
    const { disputeId } = await (await openDispute(payment.id)).json<{ disputeId: string }>();
    expect((await closeDispute(disputeId, "maybe")).status).toBe(400);
    expect(await disputesOf(unpaid.order.id)).toEqual([]);
  });

  it("hides the dispute routes while Stripe is the provider", async () => {
    const { payment, order } = await paidFromNewSeller();
    const open = await stripe.call(`/v1/dev/payments/${payment.id}/dispute`, { method: "POST" });
    expect(open.status).toBe(404);
    const close = await stripe.call(`/v1/dev/disputes/dsp_${"0".repeat(32)}/close`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ outcome: "won" }),
    });
    expect(close.status).toBe(404);
    expect(await disputesOf(order.id)).toEqual([]);
  });

  it("tells the payouts side when a simulated connected account is enabled", async () => {
    const services = buildServices(env, loadConfig(env), createExecutionContext(), createLogger());
    const { providerAccountId } = await services.payments.createConnectedAccount({
      sellerId: "sel_disputes_account",
      email: "seller@bazaar.test",
      country: "DE",
    });
    const ctx = { services, config: loadConfig(env), log: createLogger() };
    const delivered = await updateSimulatedAccount(ctx, {
      providerAccountId,
      payoutsEnabled: true,
      detailsSubmitted: true,
    });
    expect(delivered.outcome).toBe("accepted");
    const events = await outboxEvents("PayoutAccountUpdated", (data) => data.providerAccountId === providerAccountId);
    expect(events.map((event) => event.data)).toEqual([
      { provider: "simulated", providerAccountId, payoutsEnabled: true, detailsSubmitted: true },
    ]);
    await expect(
      updateSimulatedAccount(ctx, {
        providerAccountId: "sim_acct_nobody",
        payoutsEnabled: true,
        detailsSubmitted: true,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("disputes and accounts through Stripe's webhooks", () => {
  async function paidThroughStripe() {
    const seller = await asSeller();
    const buyer = await signUp();
    await addToCart(buyer, (await listBook(seller, { quantity: 1, price: 2000 })).id);
    const intentId = `pi_disputes_${crypto.randomUUID().slice(0, 12)}`;
    const { order, payment } = await stripe.checkout(buyer, intentId);
    const total = order.totals.total.amount;
    const paid = await stripe.webhook({
      id: `evt_${crypto.randomUUID()}`,
      type: "payment_intent.succeeded",
      object: stripe.intent(intentId, total),
    });
    expect(paid.outcome).toBe("accepted");
    await waitForOrderStatus(order.id, "paid");
    return { order, payment, intentId };
  }

  it("records charge.dispute.created once and closes it on charge.dispute.closed", async () => {
    const { order, payment, intentId } = await paidThroughStripe();
    const disputeId = `dp_${crypto.randomUUID().slice(0, 12)}`;
    const dispute = { id: disputeId, object: "dispute", payment_intent: intentId, amount: 2000, currency: "eur" };
    const created = {
      id: `evt_${crypto.randomUUID()}`,
      type: "charge.dispute.created",
      object: { ...dispute, reason: "fraudulent", status: "needs_response" },
    };
    expect(await stripe.webhook(created)).toMatchObject({ status: 200, outcome: "accepted" });
    expect(await stripe.webhook(created)).toMatchObject({ status: 200, outcome: "duplicate" });
    const [row] = await disputesOf(order.id);
    expect(row).toMatchObject({ provider: "stripe", providerDisputeId: disputeId, status: "open", amount: 2000 });
    const disputed = await outboxEvents("PaymentDisputed", ofOrder(order.id));
    expect(disputed.map((event) => event.data)).toEqual([
      expect.objectContaining({ paymentId: payment.id, disputeId: row!.id, amount: 2000, reason: "fraudulent" }),
    ]);

    // An inquiry closed with a warning moved no money; a lost dispute closes ours, once.
    const warned = { ...dispute, reason: "fraudulent", status: "warning_closed" };
    const warning = { id: `evt_${crypto.randomUUID()}`, type: "charge.dispute.closed", object: warned };
    expect(await stripe.webhook(warning)).toMatchObject({ outcome: "ignored" });
    const lost = {
      id: `evt_${crypto.randomUUID()}`,
      type: "charge.dispute.closed",
      object: { ...dispute, reason: "fraudulent", status: "lost" },
    };
    expect(await stripe.webhook(lost)).toMatchObject({ outcome: "accepted" });
    expect(await stripe.webhook(lost)).toMatchObject({ outcome: "duplicate" });
    expect(await stripe.webhook({ ...lost, id: `evt_${crypto.randomUUID()}` })).toMatchObject({ outcome: "ignored" });
    expect((await disputesOf(order.id))[0]).toMatchObject({ status: "lost" });
    const closed = await outboxEvents("PaymentDisputeClosed", ofOrder(order.id));
    expect(closed.map((event) => event.data)).toEqual([
      {
        paymentId: payment.id,
        orderId: order.id,
        disputeId: row!.id,
        outcome: "lost",
        amount: { amount: 2000, currency: "EUR" },
      },
    ]);
  });

  it("turns account.updated into PayoutAccountUpdated, once per event", async () => {
    const accountId = `acct_${crypto.randomUUID().slice(0, 12)}`;
    const updated = {
      id: `evt_${crypto.randomUUID()}`,
      type: "account.updated",
      object: {
        id: accountId,
        object: "account",
        charges_enabled: true,
        payouts_enabled: true,
        details_submitted: true,
      },
    };
    expect(await stripe.webhook(updated)).toMatchObject({ status: 200, outcome: "accepted" });
    expect(await stripe.webhook(updated)).toMatchObject({ status: 200, outcome: "duplicate" });
    const events = await outboxEvents("PayoutAccountUpdated", (data) => data.providerAccountId === accountId);
    expect(events.map((event) => event.data)).toEqual([
      { provider: "stripe", providerAccountId: accountId, payoutsEnabled: true, detailsSubmitted: true },
    ]);
  });

  it("moves the order to payment_processing on payment_intent.processing", async () => {
    const seller = await asSeller();
    const buyer = await signUp();
    await addToCart(buyer, (await listBook(seller, { quantity: 1, price: 1500 })).id);
    const intentId = `pi_processing_${crypto.randomUUID().slice(0, 12)}`;
    const { order } = await stripe.checkout(buyer, intentId);
    const processing = {
      id: `evt_${crypto.randomUUID()}`,
      type: "payment_intent.processing",
      object: stripe.intent(intentId, order.totals.total.amount, { status: "processing", amount_received: 0 }),
    };
    expect(await stripe.webhook(processing)).toMatchObject({ outcome: "accepted" });
    await waitForOrderStatus(order.id, "payment_processing");
  });
});
