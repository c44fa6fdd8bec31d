import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orderStatusHistory } from "../../schema/orders";
import { outbox } from "../../schema/platform";
import { api, asSeller, json, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import {
  addToCart,
  BERLIN,
  type CheckoutBody,
  checkout,
  db,
  eur,
  newKey,
  ordersOf,
  PARIS,
  placeOrder,
  stockLevels,
} from "../support/orders";

const rates = (countries: string[]) => ({
  countries,
  domestic: { first: eur(450), additional: eur(100) },
  international: { first: eur(1200), additional: eur(300) },
  express: { first: eur(1900), additional: eur(400) },
});

describe("checkout (happy paths)", () => {
  it("reserves the cart and writes one order with a seller order per seller, shipping at each seller's rate", async () => {
    const [alice, bob] = [await asSeller({ shipsFrom: "DE" }), await asSeller({ shipsFrom: "FR" })];
    await api("/v1/seller/shipping-rates", json(rates(["DE", "FR"]), { method: "PUT", headers: alice.auth }));
    const engraved = await listBook(alice, {
      quantity: 3,
      price: 1500,
      coverOptions: [{ name: "Gold inscription", kind: "inscription", price: 500, maxLength: 30 }],
    });
    const plain = await listBook(alice, { quantity: 1, price: 800 });
    const atBob = await listBook(bob, { quantity: 2, price: 1000 });
    const buyer = await signUp();
    const cover = engraved.coverOptions[0]!;
    await addToCart(buyer, engraved.id, { quantity: 2, coverOptionId: cover.id, inscription: "For Ada" });
    await addToCart(buyer, plain.id);
    await addToCart(buyer, atBob.id);

    const started = Date.now();
    const response = await checkout(buyer, { shippingAddress: BERLIN, shippingMethod: "standard" });
    expect(response.status).toBe(201);
    const { order, payment } = await response.json<CheckoutBody>();
    expect(response.headers.get("location")).toBe(`/v1/orders/${order.id}`);
    expect(order.id).toMatch(/^ord_[0-9a-f]{32}$/);
    // Alice: 2 × (15.00 + 5.00) + 8.00, 3 copies domestic: 4.50 + 2 × 1.00. Bob (default rates), 1 copy abroad: 9.90.
    // Prices include tax, so the total is the same whatever rates Germany has (receipt-tax.test.ts breaks it out).
    expect(order).toMatchObject({
      status: "pending_payment",
      totals: {
        items: eur(2 * 1500 + 800 + 1000),
        covers: eur(2 * 500),
        shipping: eur(450 + 200 + 990),
        discount: eur(0),
        total: eur(4800 + 1000 + 1640),
        refunded: eur(0),
      },
      shippingAddress: BERLIN,
      shippingMethod: "standard",
      paidAt: null,
    });
    const hold = Date.parse(order.holdExpiresAt) - started;
    expect(hold).toBeGreaterThan(14 * 60_000);
    expect(hold).toBeLessThanOrEqual(15 * 60_000 + 5_000);

    const aliceOrder = order.sellerOrders.find((so) => so.sellerId === alice.sellerId)!;
    const bobOrder = order.sellerOrders.find((so) => so.sellerId === bob.sellerId)!;
    expect(aliceOrder).toMatchObject({
      status: "pending_payment",
      totals: { items: eur(3800), covers: eur(1000), shipping: eur(650), total: eur(5450) },
      shipment: null,
    });
    expect(bobOrder.totals).toMatchObject({ shipping: eur(990), total: eur(1990) });
    const engravedLine = aliceOrder.lines.find((line) => line.listingId === engraved.id)!;
    expect(engravedLine).toMatchObject({
      quantity: 2,
      unitPrice: eur(1500),
      cover: { id: cover.id, name: "Gold inscription", price: eur(500) },
      inscription: "For Ada",
      lineTotal: eur(4000),
    });
    expect(order.history.map((row) => [row.sellerOrderId, row.from, row.to, row.actor])).toEqual(
      expect.arrayContaining([
        [null, null, "pending_payment", "buyer"],
        [aliceOrder.id, null, "pending_payment", "buyer"],
        [bobOrder.id, null, "pending_payment", "buyer"],
      ]),
    );
    expect(payment).toMatchObject({ id: expect.stringMatching(/^pay_/), provider: "simulated" });
    expect(payment.clientSecret).toBeTruthy();

    // The copies are held, not sold; the events went out with the order.
    expect(await stockLevels(engraved.id)).toEqual({ onHand: 3, held: 2, available: 1 });
    expect(await stockLevels(plain.id)).toEqual({ onHand: 1, held: 1, available: 0 });
    expect(await stockLevels(atBob.id)).toEqual({ onHand: 2, held: 1, available: 1 });
    const events = (await db.select().from(outbox)).map((row) => JSON.parse(row.envelope));
    const created = events.find((event) => event.type === "OrderCreated" && event.data.orderId === order.id);
    expect(created?.data).toMatchObject({ buyerId: buyer.userId, total: eur(7440) });
    expect(created?.data.sellerOrders).toHaveLength(2);
    expect(events.some((e) => e.type === "CheckoutStarted" && e.data.orderId === order.id)).toBe(true);
    const history = await db.select().from(orderStatusHistory).where(eq(orderStatusHistory.orderId, order.id));
    expect(history).toHaveLength(3);
  });

  it("ships to a saved address named by its id, and charges express where the seller offers it", async () => {
    const seller = await asSeller({ shipsFrom: "DE" });
    await api("/v1/seller/shipping-rates", json(rates(["DE", "FR"]), { method: "PUT", headers: seller.auth }));
    const listing = await listBook(seller, { quantity: 2, price: 1000 });
    const buyer = await signUp();
    const me = await api("/v1/me", json({ addresses: [BERLIN, PARIS] }, { method: "PATCH", headers: buyer.auth }));
    const paris = (await me.json<{ user: { addresses: { id: string; city: string }[] } }>()).user.addresses.find(
      (address) => address.city === "Paris",
    )!;
    await addToCart(buyer, listing.id, { quantity: 2 });
    const { order } = await placeOrder(buyer, { addressId: paris.id, shippingMethod: "express" });
    expect(order.shippingAddress).toEqual(PARIS);
    expect(order.totals.shipping).toEqual(eur(1900 + 400));
    expect(order.totals.total).toEqual(eur(2000 + 2300));
  });

  it("replays the same answer for the same Idempotency-Key and body, and never makes a second order", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 5 });
    const buyer = await signUp();
    await addToCart(buyer, listing.id, { quantity: 2 });
    const key = newKey();
    const body = { shippingAddress: BERLIN, shippingMethod: "standard" };
    const first = await checkout(buyer, body, key);
    const second = await checkout(buyer, body, key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await second.json()).toEqual(await first.json());
    expect(await ordersOf(buyer.userId)).toHaveLength(1);
    expect(await stockLevels(listing.id)).toMatchObject({ held: 2, available: 3 });
  });

  it("makes one order when two requests with one key arrive together", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 5 });
    const buyer = await signUp();
    await addToCart(buyer, listing.id);
    const key = newKey();
    const body = { shippingAddress: BERLIN };
    const answers = await Promise.all([checkout(buyer, body, key), checkout(buyer, body, key)]);
    const statuses = answers.map((answer) => answer.status).sort();
    // The second either waits out the first (409 idempotency_in_progress) or arrives after it and is replayed.
    expect([
      [201, 201],
      [201, 409],
    ]).toContainEqual(statuses);
    expect(await ordersOf(buyer.userId)).toHaveLength(1);
    expect(await stockLevels(listing.id)).toMatchObject({ held: 1 });
  });

  it("answers the unpaid order a cart already waits in when it is checked out again with a new key", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 4 });
    const buyer = await signUp();
    await addToCart(buyer, listing.id, { quantity: 2 });
    const first = await placeOrder(buyer);

    const again = await checkout(buyer);
    expect(again.status).toBe(200);
    const answered = await again.json<CheckoutBody>();
    expect(answered.order.id).toBe(first.order.id);
    expect(answered.payment).toEqual(first.payment);
    expect(again.headers.get("location")).toBe(`/v1/orders/${first.order.id}`);
    expect(await ordersOf(buyer.userId)).toHaveLength(1);
    expect(await stockLevels(listing.id)).toEqual({ onHand: 4, held: 2, available: 2 });

    // Another address is another order, holding its own copies.
    const elsewhere = await checkout(buyer, { shippingAddress: PARIS, shippingMethod: "standard" });
    expect(elsewhere.status).toBe(201);
    expect((await elsewhere.json<CheckoutBody>()).order.id).not.toBe(first.order.id);
  });
});
