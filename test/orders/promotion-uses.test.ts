import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { consumers } from "../../queues/consumers";
import { orderRefunds } from "../../schema/orders";
import worker from "../../workers/index";
import { reservationIdFor } from "../../workers/inventory/service";
import { expireUnpaidOrders } from "../../workers/orders/expiry";
import { eventually } from "../support/eventually";
import { api, asSeller, json, signUp, type TestAccount } from "../support/identity";
import { listBook } from "../support/listings";
import {
  addToCart,
  BERLIN,
  checkout,
  db,
  eventsFor,
  orderRow,
  ordersTestContext,
  PARIS,
  placeOrder,
  settlePayment,
  waitForOrderStatus,
} from "../support/orders";
import { consumed } from "../support/payment-simulator";
import { enterCodes, insertPromotion, promotionById, redemptionsOf } from "../support/pricing";
import { uniqueCode } from "../support/promotion-rows";

/**
 * A promotion's uses: held by an unpaid order from its checkout's batch (never past the limit, however many
 * checkouts race for the last ones), counted once when the order is paid, given back when it expires, fails or is
 * cancelled unpaid, and taken again by a late payment, which is refunded instead if the promotion ran out meanwhile.
 */

async function buyerWithCode(listingId: string, code: string): Promise<TestAccount> {
  const buyer = await signUp();
  await addToCart(buyer, listingId);
  await enterCodes(buyer, [code]);
  return buyer;
}

/** `count` buyers, each with one copy of the listing and the code in the cart (ten signing up at a time). */
async function buyersWithCode(count: number, listingId: string, code: string): Promise<TestAccount[]> {
  const buyers: TestAccount[] = [];
  while (buyers.length < count) {
    const batch = Math.min(10, count - buyers.length);
    buyers.push(...(await Promise.all(Array.from({ length: batch }, () => buyerWithCode(listingId, code)))));
  }
  return buyers;
}

/** A listing and a 10%-off code limited to `usageLimit` uses in all. */
async function limitedCode(usageLimit: number, copies = 10) {
  const seller = await asSeller();
  const listing = await listBook(seller, { quantity: copies, price: 2000 });
  const code = uniqueCode("LIMITED");
  const promotion = await insertPromotion({ code, kind: "percent_off", percentOff: 10, usageLimit });
  return { listing, code, promotion };
}

/** The hold runs out: the StockDO lets the copies go (as its alarm does) and the sweep expires the order. */
async function letHoldExpire(order: { id: string; holdExpiresAt: string }, listingId: string) {
  await env.STOCK.getByName(listingId).release(reservationIdFor(order.id, listingId));
  await expireUnpaidOrders(ordersTestContext(), Date.parse(order.holdExpiresAt) + 1);
  expect((await orderRow(order.id))?.status).toBe("expired");
}

const states = async (promotionId: string) => (await redemptionsOf(promotionId)).map((row) => row.state).sort();

describe("promotion uses", () => {
  /** Thirty buyers with the same 10-use code in their carts, set up before the race (signing up takes a while). */
  let race: Awaited<ReturnType<typeof limitedCode>> & { buyers: TestAccount[] };
  beforeAll(async () => {
    const limited = await limitedCode(10, 30);
    race = { ...limited, buyers: await buyersWithCode(30, limited.listing.id, limited.code) };
  }, 120_000);

  it("lets exactly as many concurrent checkouts hold a code as its limit allows; the rest get 422", async () => {
    const { listing, promotion, buyers } = race;
    const answers = await Promise.all(buyers.map((buyer) => checkout(buyer)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(10);
    expect(statuses.filter((status) => status === 422)).toHaveLength(20);
    for (const answer of answers.filter((response) => response.status === 422)) {
      expect((await answer.json<{ code: string }>()).code).toBe("usage_limit_reached");
    }
    expect(await promotionById(promotion.id)).toMatchObject({ usesHeld: 10, usesCount: 0 });
    expect(await states(promotion.id)).toEqual(Array(10).fill("held"));
    // The refused checkouts hold no copies: ten are held, twenty still for sale.
    expect((await env.STOCK.getByName(listing.id).snapshot()).levels).toMatchObject({ held: 10, available: 20 });
  });

  it("lets one buyer hold a code once however many checkouts they start at once (per-buyer limit)", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 5, price: 2000 });
    const code = uniqueCode("ONCE");
    const promotion = await insertPromotion({ code, kind: "amount_off", amountOff: 500, perBuyerLimit: 1 });
    const buyer = await buyerWithCode(listing.id, code);
    const rome = { ...PARIS, city: "Rome", postalCode: "00100", country: "IT" };

    const answers = await Promise.all(
      [BERLIN, PARIS, rome].map((address) => checkout(buyer, { shippingAddress: address })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 422, 422]);
    for (const answer of answers.filter((response) => response.status === 422)) {
      expect((await answer.json<{ code: string }>()).code).toBe("usage_limit_reached");
    }
    expect(await promotionById(promotion.id)).toMatchObject({ usesHeld: 1 });
    expect(await states(promotion.id)).toEqual(["held"]);
  });

  it("counts a use once when the order is paid, however often the payment event is delivered", async () => {
    const { listing, code, promotion } = await limitedCode(5);
    const buyer = await buyerWithCode(listing.id, code);
    const { order, payment } = await placeOrder(buyer);
    await settlePayment(payment.id, "succeed");
    await waitForOrderStatus(order.id, "paid");
    expect(await promotionById(promotion.id)).toMatchObject({ usesHeld: 1, usesCount: 1 });

    const [succeeded] = await eventsFor(order.id, "PaymentProcessed");
    // The first delivery's consumers all finish first, so the redelivery only meets their markers.
    for (const consumer of consumers.filter(
      (one) => one.queue === "order-events" && one.handles.includes("PaymentProcessed"),
    )) {
      await consumed(consumer.name, succeeded!.id);
    }
    const batch = createMessageBatch("order-events", [
      { id: "again-1", timestamp: new Date(), attempts: 2, body: succeeded },
      { id: "again-2", timestamp: new Date(), attempts: 3, body: succeeded },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["again-1", "again-2"]);
    expect(await promotionById(promotion.id)).toMatchObject({ usesHeld: 1, usesCount: 1 });
    expect(await states(promotion.id)).toEqual(["used"]);
  });

  it("gives the use back when the order expires, so another buyer can take it", async () => {
    const { listing, code, promotion } = await limitedCode(1);
    const [first, second] = [await buyerWithCode(listing.id, code), await buyerWithCode(listing.id, code)];
    const { order } = await placeOrder(first);
    const refused = await checkout(second);
    expect(refused.status).toBe(422);
    expect((await refused.json<{ code: string }>()).code).toBe("usage_limit_reached");

    await letHoldExpire(order, listing.id);
    expect(await promotionById(promotion.id)).toMatchObject({ usesHeld: 0, usesCount: 0 });
    expect(await states(promotion.id)).toEqual(["released"]);
    expect((await checkout(second)).status).toBe(201);
    expect(await promotionById(promotion.id)).toMatchObject({ usesHeld: 1 });
  });

  it("gives the use back when the payment fails, and when the buyer cancels the unpaid order", async () => {
    const { listing, code, promotion } = await limitedCode(1);
    const failing = await buyerWithCode(listing.id, code);
    const placed = await placeOrder(failing);
    await settlePayment(placed.payment.id, "fail", "card_declined");
    await waitForOrderStatus(placed.order.id, "payment_failed");
    expect(await promotionById(promotion.id)).toMatchObject({ usesHeld: 0 });

    const cancelling = await buyerWithCode(listing.id, code);
    const { order } = await placeOrder(cancelling);
    expect(await promotionById(promotion.id)).toMatchObject({ usesHeld: 1 });
    const cancelled = await api(`/v1/orders/${order.id}/cancel`, json({}, { headers: cancelling.auth }));
    expect(cancelled.status).toBe(200);
    expect(await promotionById(promotion.id)).toMatchObject({ usesHeld: 0, usesCount: 0 });
    expect(await states(promotion.id)).toEqual(["released", "released"]);
  });

  it("takes the use again for a payment that arrives after the order expired", async () => {
    const { listing, code, promotion } = await limitedCode(1);
    const buyer = await buyerWithCode(listing.id, code);
    const { order, payment } = await placeOrder(buyer);
    await letHoldExpire(order, listing.id);
    expect(await promotionById(promotion.id)).toMatchObject({ usesHeld: 0 });

    await settlePayment(payment.id, "succeed");
    await waitForOrderStatus(order.id, "paid");
    expect(await promotionById(promotion.id)).toMatchObject({ usesHeld: 1, usesCount: 1 });
    expect(await states(promotion.id)).toEqual(["used"]);
  });

  it("refunds a late payment whose promotion was used up by another order meanwhile, never passing the limit", async () => {
    const { listing, code, promotion } = await limitedCode(1);
    const late = await buyerWithCode(listing.id, code);
    const quick = await buyerWithCode(listing.id, code);
    const { order, payment } = await placeOrder(late);
    await letHoldExpire(order, listing.id);
    const other = await placeOrder(quick);
    expect(await promotionById(promotion.id)).toMatchObject({ usesHeld: 1 });

    await settlePayment(payment.id, "succeed");
    const cancelled = await waitForOrderStatus(order.id, "cancelled");
    expect(cancelled.cancelReason).toBe("promotion_used_up_after_payment");
    const refund = await eventually(async () => {
      const [row] = await db.select().from(orderRefunds).where(eq(orderRefunds.orderId, order.id));
      return row?.state === "succeeded" ? row : undefined;
    });
    expect(refund).toMatchObject({ amount: order.totals.total.amount, reason: "promotion_used_up_after_payment" });
    // The quick buyer's order keeps the one use; the late one's stays given back, and its copy is on sale again.
    expect(await promotionById(promotion.id)).toMatchObject({ usesHeld: 1, usesCount: 0 });
    const byOrder = new Map((await redemptionsOf(promotion.id)).map((row) => [row.orderId, row.state]));
    expect(byOrder).toEqual(
      new Map([
        [order.id, "released"],
        [other.order.id, "held"],
      ]),
    );
    expect((await env.STOCK.getByName(listing.id).snapshot()).levels).toMatchObject({ onHand: 10, held: 1 });
  });
});
