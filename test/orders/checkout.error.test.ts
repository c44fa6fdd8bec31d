import { createExecutionContext } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orders } from "../../schema/orders";
import { createApp } from "../../workers/app";
import { firstRow } from "../support/database";
import { envWith } from "../support/env";
import { api, asSeller, json, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, BERLIN, checkout, db, eur, newKey, ordersOf, PARIS, stockLevels } from "../support/orders";
import { recorderUrl } from "../support/outside";
import { enterCodes, insertPromotion, promotionById, redemptionsOf } from "../support/pricing";
import { uniqueCode } from "../support/promotion-rows";

const problem = async (response: Response): Promise<Record<string, unknown> & { status: number }> => ({
  status: response.status,
  ...(await response.json<Record<string, unknown>>()),
});

describe("checkout (errors)", () => {
  it("needs an Idempotency-Key", async () => {
    const buyer = await signUp();
    expect(await problem(await checkout(buyer, { shippingAddress: BERLIN }, null))).toMatchObject({
      status: 400,
      code: "idempotency_key_required",
    });
  });

  it("refuses an empty cart, a body with both or neither address, and an unknown saved address", async () => {
    const buyer = await signUp();
    expect(await problem(await checkout(buyer))).toMatchObject({ status: 422, code: "cart_empty" });
    const seller = await asSeller();
    await addToCart(buyer, (await listBook(seller, { quantity: 1 })).id);
    expect(
      await problem(await checkout(buyer, { shippingAddress: BERLIN, addressId: "adr_0000000000000000" })),
    ).toMatchObject({ status: 400, code: "validation_failed" });
    expect(await problem(await checkout(buyer, { shippingMethod: "standard" }))).toMatchObject({
      status: 400,
      code: "validation_failed",
    });
    expect(await problem(await checkout(buyer, { shippingAddress: { ...BERLIN, postalCode: "1" } }))).toMatchObject({
      status: 400,
      errors: [{ path: "shippingAddress.postalCode" }],
    });
    expect(await problem(await checkout(buyer, { addressId: "adr_0000000000000000" }))).toMatchObject({
      status: 404,
      code: "not_found",
    });
    expect(await ordersOf(buyer.userId)).toEqual([]);
  });

  it("refuses the same key with a different body (422) and keeps the first order", async () => {
    const seller = await asSeller();
    const buyer = await signUp();
    await addToCart(buyer, (await listBook(seller, { quantity: 3 })).id);
    const key = newKey();
    expect((await checkout(buyer, { shippingAddress: BERLIN }, key)).status).toBe(201);
    expect(await problem(await checkout(buyer, { shippingAddress: PARIS }, key))).toMatchObject({
      status: 422,
      code: "idempotency_key_reused",
    });
    expect(await ordersOf(buyer.userId)).toHaveLength(1);
  });

  it("answers 409 out_of_stock with the lines and what is available, holding nothing", async () => {
    const seller = await asSeller();
    const scarce = await listBook(seller, { quantity: 2 });
    const plenty = await listBook(seller, { quantity: 5 });
    const [early, late] = [await signUp(), await signUp()];
    await addToCart(late, plenty.id);
    await addToCart(late, scarce.id, { quantity: 2 });
    await addToCart(early, scarce.id);
    expect((await checkout(early)).status).toBe(201);

    const refused = await problem(await checkout(late));
    expect(refused).toMatchObject({ status: 409, code: "out_of_stock" });
    expect(refused.lines).toEqual([
      {
        lineId: expect.stringMatching(/^lin_/),
        listingId: scarce.id,
        title: expect.any(String),
        quantity: 2,
        requested: 2,
        available: 1,
      },
    ]);
    expect(await stockLevels(plenty.id)).toEqual({ onHand: 5, held: 0, available: 5 });
    expect(await stockLevels(scarce.id)).toEqual({ onHand: 2, held: 1, available: 1 });
    expect(await ordersOf(late.userId)).toEqual([]);
  });

  it("lets exactly one of two buyers checking out the last copy at once have it", async () => {
    const seller = await asSeller();
    const last = await listBook(seller, { quantity: 1 });
    const buyers = [await signUp(), await signUp()];
    for (const buyer of buyers) await addToCart(buyer, last.id);
    const answers = await Promise.all(buyers.map((buyer) => checkout(buyer)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const loser = answers.find((answer) => answer.status === 409)!;
    expect((await loser.json<{ code: string }>()).code).toBe("out_of_stock");
    const placed = [...(await ordersOf(buyers[0]!.userId)), ...(await ordersOf(buyers[1]!.userId))];
    expect(placed).toHaveLength(1);
    expect(await stockLevels(last.id)).toEqual({ onHand: 1, held: 1, available: 0 });
  });

  it("answers 422 for an address a seller does not ship to (or express they do not offer), holding nothing", async () => {
    const [local, everywhere] = [await asSeller({ shipsFrom: "DE" }), await asSeller({ shipsFrom: "FR" })];
    await api(
      "/v1/seller/shipping-rates",
      json(
        {
          countries: ["DE", "AT"],
          domestic: { first: eur(400), additional: eur(100) },
          international: { first: eur(900), additional: eur(200) },
        },
        { method: "PUT", headers: local.auth },
      ),
    );
    const atLocal = await listBook(local, { quantity: 1 });
    const atEverywhere = await listBook(everywhere, { quantity: 1 });
    const buyer = await signUp();
    await addToCart(buyer, atLocal.id);
    await addToCart(buyer, atEverywhere.id);

    const abroad = await problem(await checkout(buyer, { shippingAddress: PARIS }));
    expect(abroad).toMatchObject({
      status: 422,
      code: "shipping_unavailable",
      country: "FR",
      sellers: [{ sellerId: local.sellerId, reason: "country_not_served", listingIds: [atLocal.id] }],
    });
    const express = await problem(await checkout(buyer, { shippingAddress: BERLIN, shippingMethod: "express" }));
    expect(express).toMatchObject({
      status: 422,
      code: "shipping_unavailable",
      sellers: [{ sellerId: local.sellerId, reason: "express_not_offered" }],
    });
    expect(await stockLevels(atLocal.id)).toMatchObject({ held: 0 });
    expect(await stockLevels(atEverywhere.id)).toMatchObject({ held: 0 });
    expect(await ordersOf(buyer.userId)).toEqual([]);
  });

  it("refuses a cart whose listing was taken off sale since it was added", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 2 });
    const buyer = await signUp();
    await addToCart(buyer, listing.id);
    await api(`/v1/seller/listings/${listing.id}`, { method: "DELETE", headers: seller.auth });
    expect(await problem(await checkout(buyer))).toMatchObject({
      status: 409,
      code: "listing_unavailable",
      listingId: listing.id,
    });
    expect(await stockLevels(listing.id)).toMatchObject({ held: 0 });
  });

  it("cancels the order and releases its copies and promotion uses when the payment cannot be created", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 1 });
    const buyer = await signUp();
    await addToCart(buyer, listing.id);
    const code = uniqueCode("ONLYONE");
    const promotion = await insertPromotion({ code, kind: "amount_off", amountOff: 100, usageLimit: 1 });
    await enterCodes(buyer, [code]);
    // Stripe, pointed at the recorder with nothing scripted: every PaymentIntent call fails.
    const stripeEnv = envWith({
      PAYMENT_PROVIDER: "stripe",
      STRIPE_SECRET_KEY: "sk_test_checkout_unreachable",
      STRIPE_WEBHOOK_SECRET: "whsec_unused",
      STRIPE_API_BASE: recorderUrl,
    });
    const response = await createApp().fetch(
      new Request("http://bazaar.test/v1/checkout", {
        method: "POST",
        headers: { ...buyer.auth, "content-type": "application/json", "idempotency-key": newKey() },
        body: JSON.stringify({ shippingAddress: BERLIN }),
      }),
      stripeEnv,
      createExecutionContext(),
    );
    expect(await problem(response)).toMatchObject({ status: 503, code: "unavailable" });
    expect(await stockLevels(listing.id)).toEqual({ onHand: 1, held: 0, available: 1 });
    const [order] = await ordersOf(buyer.userId);
    expect(order).toMatchObject({ status: "cancelled", cancelReason: "payment_unavailable" });
    const stored = await firstRow(db.select().from(orders).where(eq(orders.id, order!.id)).limit(1));
    expect(stored?.status).toBe("cancelled");
    // The one use the order held is given back with it.
    expect(await promotionById(promotion.id)).toMatchObject({ usesHeld: 0, usesCount: 0 });
    expect((await redemptionsOf(promotion.id)).map((row) => row.state)).toEqual(["released"]);
  });

  it("refuses a fourth unpaid order (409 too_many_pending_orders), holding nothing more", async () => {
    const seller = await asSeller();
    const buyer = await signUp();
    for (let i = 0; i < 3; i++) {
      await addToCart(buyer, (await listBook(seller, { quantity: 1 })).id);
      expect((await checkout(buyer)).status).toBe(201);
      await api("/v1/cart", { method: "DELETE", headers: buyer.auth });
    }
    const fourth = await listBook(seller, { quantity: 1 });
    await addToCart(buyer, fourth.id);
    expect(await problem(await checkout(buyer))).toMatchObject({
      status: 409,
      code: "too_many_pending_orders",
      limit: 3,
    });
    expect(await ordersOf(buyer.userId)).toHaveLength(3);
    expect(await stockLevels(fourth.id)).toEqual({ onHand: 1, held: 0, available: 1 });

    // Paying one frees a place.
    const [unpaid] = await ordersOf(buyer.userId);
    await db.update(orders).set({ status: "paid", paidAt: Date.now() }).where(eq(orders.id, unpaid!.id));
    expect((await checkout(buyer)).status).toBe(201);
  });

  it("lets only three of five checkouts at once through, each with its own key and address", async () => {
    const seller = await asSeller();
    const buyer = await signUp();
    await addToCart(buyer, (await listBook(seller, { quantity: 10 })).id);
    const bodies = [1, 2, 3, 4, 5].map((n) => ({ shippingAddress: { ...BERLIN, line1: `Unter den Linden ${n}` } }));
    const answers = await Promise.all(bodies.map((body) => checkout(buyer, body)));
    const statuses = answers.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 201, 201, 409, 409]);
    expect(await ordersOf(buyer.userId)).toHaveLength(3);
  });
});
