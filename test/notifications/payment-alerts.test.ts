import { beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "../../queues/events";
import { deliverRepeatedly, feedOf, quietPeriod, waitForFeed } from "../support/alerts";
import { asAdmin, asSeller, signUp, type TestAccount, type TestSeller } from "../support/identity";
import { listBook } from "../support/listings";
import { waitForMail } from "../support/mail";
import { addToCart, newKey, paidOrder, waitForOrderStatus } from "../support/orders";
import { scriptReply } from "../support/outside";
import { stripeWorker } from "../support/stripe-checkout";

/**
 * Money that leaves an order outside Book Bazaar's own refunds, as Stripe's webhooks report it: a dispute
 * (`charge.dispute.created`) or a refund made in Stripe's dashboard (`charge.refunded` beyond our refunds). The
 * order's seller and every admin are told.
 */

const KEY = "sk_test_payment_alerts";
const WEBHOOK_SECRET = "whsec_payment_alerts";
const stripe = stripeWorker(KEY, WEBHOOK_SECRET);
const { call } = stripe;

async function stripeWebhook(type: string, object: Record<string, unknown>) {
  const answer = await stripe.webhook({ id: `evt_${crypto.randomUUID()}`, type, object });
  expect(answer.status).toBe(200);
  return answer as { status: number; outcome: string };
}

/** A paid order of one book, checked out and paid through the Stripe adapter. */
async function paidThroughStripe(seller: TestSeller, buyer: TestAccount) {
  const intentId = `pi_alerts_${crypto.randomUUID().slice(0, 12)}`;
  await addToCart(buyer, (await listBook(seller, { quantity: 1, price: 2000 })).id);
  const { order } = await stripe.checkout(buyer, intentId);
  const total = order.totals.total.amount;
  await stripeWebhook("payment_intent.succeeded", stripe.intent(intentId, total));
  await waitForOrderStatus(order.id, "paid");
  return { order, intentId, sellerOrderId: order.sellerOrders[0]!.id };
}

let admin: TestAccount;
beforeAll(async () => {
  admin = await asAdmin();
});

describe("a disputed payment", () => {
  it("is told to the order's seller, about their part, and to every admin", async () => {
    const seller = await asSeller();
    const { order, intentId, sellerOrderId } = await paidThroughStripe(seller, await signUp());
    const outcome = await stripeWebhook("charge.dispute.created", {
      id: `dp_${crypto.randomUUID().slice(0, 12)}`,
      object: "dispute",
      payment_intent: intentId,
      amount: 2000,
      currency: "eur",
      reason: "product_not_received",
    });
    expect(outcome.outcome).toBe("accepted");

    const [toSeller] = await waitForFeed(seller.userId, "payment-disputed");
    expect(toSeller).toMatchObject({
      category: "seller_alerts",
      title: `Payment disputed: order ${order.id}`,
      body: "20.00 EUR disputed (product not received)",
      data: { orderId: order.id, sellerOrderId },
    });
    expect(toSeller!.link).toMatch(new RegExp(`/console/orders/${sellerOrderId}$`));
    const toAdmin = (await waitForFeed(admin.userId, "payment-disputed")).find(
      (item) => item.data.orderId === order.id,
    );
    expect(toAdmin).toMatchObject({ data: { orderId: order.id, sellerOrderId: null }, link: null });
    const mails = await waitForMail(admin.email, "payment-disputed");
    expect(mails.some((mail) => mail.subject === `Payment disputed for Book Bazaar order ${order.id}`)).toBe(true);
  });

  it("is one notice per person when the same PaymentDisputed is delivered twice", async () => {
    const seller = await asSeller();
    const buyer = await signUp();
    await addToCart(buyer, (await listBook(seller, { quantity: 1 })).id);
    const { order, payment } = await paidOrder(buyer);
    const event = createEvent("PaymentDisputed", {
      paymentId: payment.id,
      orderId: order.id,
      amount: 500,
      currency: "EUR",
      reason: "fraudulent",
    });
    await deliverRepeatedly("notifications", event);
    expect(await feedOf(seller.userId, "payment-disputed")).toHaveLength(1);
    const adminItems = (await feedOf(admin.userId, "payment-disputed")).filter(
      (item) => item.data.orderId === order.id,
    );
    expect(adminItems).toHaveLength(1);
  });
});

describe("a refund made outside Book Bazaar", () => {
  it("is told to the seller and every admin; Book Bazaar's own refund is not", async () => {
    const seller = await asSeller();
    const { order, intentId, sellerOrderId } = await paidThroughStripe(seller, await signUp());
    const charge = (refunded: number) => ({
      id: `ch_${intentId}`,
      object: "charge",
      payment_intent: intentId,
      amount: 2000,
      amount_refunded: refunded,
      currency: "eur",
    });

    // The seller refunds 7.00 through Book Bazaar; Stripe then reports it with the charge.
    await scriptReply({
      scope: KEY,
      method: "POST",
      path: "/v1/refunds",
      status: 200,
      body: { id: `re_${intentId}`, object: "refund", amount: 700, currency: "eur", status: "succeeded" },
    });
    const refunded = await call(`/v1/orders/${order.id}/refunds`, {
      method: "POST",
      headers: { ...seller.auth, "content-type": "application/json", "idempotency-key": newKey() },
      body: JSON.stringify({ amount: { amount: 700, currency: "EUR" }, reason: "scuffed", restock: false }),
    });
    expect(refunded.status).toBe(201);
    await stripeWebhook("charge.refunded", charge(700));
    await quietPeriod();
    expect(await feedOf(seller.userId, "refund-outside")).toHaveLength(0);

    // Someone refunds 5.00 more in Stripe's dashboard.
    await stripeWebhook("charge.refunded", charge(1200));
    const [toSeller] = await waitForFeed(seller.userId, "refund-outside");
    expect(toSeller).toMatchObject({
      title: `Refund outside Book Bazaar: order ${order.id}`,
      body: "5.00 EUR refunded at the payment provider",
      data: { orderId: order.id, sellerOrderId },
    });
    const toAdmin = (await waitForFeed(admin.userId, "refund-outside")).filter(
      (item) => item.data.orderId === order.id,
    );
    expect(toAdmin).toHaveLength(1);
    expect(toAdmin[0]!.data.sellerOrderId).toBeNull();
  });

  it("is one notice per person when the same PaymentRefundedOutside is delivered twice", async () => {
    const seller = await asSeller();
    const buyer = await signUp();
    await addToCart(buyer, (await listBook(seller, { quantity: 1 })).id);
    const { order, payment } = await paidOrder(buyer);
    const event = createEvent("PaymentRefundedOutside", {
      paymentId: payment.id,
      orderId: order.id,
      amount: { amount: 300, currency: "EUR" },
      refundedTotal: { amount: 300, currency: "EUR" },
    });
    await deliverRepeatedly("notifications", event);
    expect(await feedOf(seller.userId, "refund-outside")).toHaveLength(1);
    expect(
      (await feedOf(admin.userId, "refund-outside")).filter((item) => item.data.orderId === order.id),
    ).toHaveLength(1);
  });
});
