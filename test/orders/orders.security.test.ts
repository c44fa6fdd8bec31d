import { describe, expect, it } from "vitest";
import { api, asAdmin, asSeller, json, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, eur, getOrder, paidOrder, refund, ship } from "../support/orders";

describe("orders (security)", () => {
  it("needs a token on every order route", async () => {
    const order = `ord_${"1".repeat(32)}`;
    const sellerOrder = `sor_${"1".repeat(32)}`;
    const calls: [string, RequestInit?][] = [
      ["/v1/orders"],
      [`/v1/orders/${order}`],
      [`/v1/orders/${order}/receipt`],
      [`/v1/orders/${order}/cancel`, { method: "POST" }],
      [`/v1/orders/${order}/refunds`, json({ reason: "x" }, { headers: { "idempotency-key": "key-12345678" } })],
      ["/v1/seller/orders"],
      [`/v1/seller/orders/${sellerOrder}`],
      [`/v1/seller/orders/${sellerOrder}/shipments`, json({ carrier: "DHL", trackingNumber: "123" })],
      [`/v1/seller/orders/${sellerOrder}/delivered`, { method: "POST" }],
    ];
    for (const [path, init] of calls) expect((await api(path, init)).status, path).toBe(401);
  });

  it("keeps a buyer out of another buyer's order: no read, receipt, cancel or refund", async () => {
    const seller = await asSeller();
    const [owner, stranger] = [await signUp(), await signUp()];
    await addToCart(owner, (await listBook(seller, { quantity: 1 })).id);
    const { order } = await paidOrder(owner);
    for (const path of [`/v1/orders/${order.id}`, `/v1/orders/${order.id}/receipt`]) {
      expect((await api(path, { headers: stranger.auth })).status, path).toBe(404);
    }
    expect((await api(`/v1/orders/${order.id}/cancel`, { method: "POST", headers: stranger.auth })).status).toBe(404);
    const listed = await (await api("/v1/orders", { headers: stranger.auth })).json<{ items: unknown[] }>();
    expect(listed.items).toEqual([]);
    // Refunds are a seller's or an admin's: neither a stranger nor the buyer can issue one.
    expect((await refund(stranger, order.id, { reason: "mine now", restock: false })).status).toBe(403);
    expect((await refund(owner, order.id, { reason: "free money", restock: false })).status).toBe(403);
    const untouched = await getOrder(owner, order.id);
    expect(untouched).toMatchObject({ status: "paid", totals: { refunded: eur(0) } });
  });

  it("keeps a seller to their own part: no shipping, reading or refunding another seller's", async () => {
    const [alice, bob, carol] = [await asSeller(), await asSeller(), await asSeller()];
    const buyer = await signUp();
    await addToCart(buyer, (await listBook(alice, { quantity: 1 })).id);
    await addToCart(buyer, (await listBook(bob, { quantity: 1 })).id);
    const { order } = await paidOrder(buyer);
    const alicePart = order.sellerOrders.find((so) => so.sellerId === alice.sellerId)!;
    const bobPart = order.sellerOrders.find((so) => so.sellerId === bob.sellerId)!;

    expect((await ship(bob, alicePart.id)).status).toBe(404);
    expect((await api(`/v1/seller/orders/${alicePart.id}`, { headers: bob.auth })).status).toBe(404);
    expect(
      (await api(`/v1/seller/orders/${alicePart.id}/delivered`, { method: "POST", headers: bob.auth })).status,
    ).toBe(404);
    const bobsList = await (await api("/v1/seller/orders", { headers: bob.auth })).json<{ items: { id: string }[] }>();
    expect(bobsList.items.map((item) => item.id)).toEqual([bobPart.id]);
    // The seller sees where to ship, never who the buyer is beyond that.
    const shown = JSON.stringify(bobsList);
    expect(shown).not.toContain(buyer.email);
    expect(shown).not.toContain(buyer.userId);

    const aliceLine = alicePart.lines[0]!.id;
    expect((await refund(bob, order.id, { lines: [{ lineId: aliceLine }], reason: "x", restock: false })).status).toBe(
      403,
    );
    expect((await refund(carol, order.id, { reason: "x", restock: false })).status).toBe(404);
    expect((await getOrder(buyer, order.id)).totals.refunded).toEqual(eur(0));
    expect((await api(`/v1/orders/${order.id}`, { headers: alice.auth })).status).toBe(404);
  });

  it("keeps seller routes to sellers, and lets an admin read and refund any order", async () => {
    const buyer = await signUp();
    expect((await api("/v1/seller/orders", { headers: buyer.auth })).status).toBe(403);
    const seller = await asSeller();
    await addToCart(buyer, (await listBook(seller, { quantity: 1, price: 900 })).id);
    const { order } = await paidOrder(buyer);
    const admin = await asAdmin();
    expect((await api(`/v1/orders/${order.id}`, { headers: admin.auth })).status).toBe(200);
    expect((await refund(admin, order.id, { amount: eur(100), reason: "goodwill", restock: false })).status).toBe(201);
  });

  it("answers a seller the same 404 for an unknown order and another seller's, whatever the body", async () => {
    const [alice, bob] = [await asSeller(), await asSeller()];
    const buyer = await signUp();
    await addToCart(buyer, (await listBook(alice, { quantity: 1 })).id);
    const { order } = await paidOrder(buyer);
    const unknown = `ord_${"0".repeat(32)}`;
    const bodies = [
      { amount: { amount: 100, currency: "USD" }, reason: "x", restock: false },
      { amount: eur(100), reason: "x", restock: false },
      { restock: "not a boolean" },
    ];
    for (const body of bodies) {
      const answers = [];
      for (const id of [order.id, unknown]) {
        const response = await refund(bob, id, body);
        const { status, code, title, detail } = await response.json<Record<string, unknown>>();
        answers.push({ status, code, title, detail });
      }
      expect(answers[0], JSON.stringify(body)).toEqual({
        status: 404,
        code: "not_found",
        title: "Not found",
        detail: "No such order.",
      });
      expect(answers[1]).toEqual(answers[0]);
    }
    expect((await getOrder(buyer, order.id)).totals.refunded).toEqual(eur(0));
  });

  it("keeps a seller's refund without lines to what is left of their own part, never another seller's money", async () => {
    const [alice, bob] = [await asSeller(), await asSeller()];
    const buyer = await signUp();
    await addToCart(buyer, (await listBook(alice, { quantity: 1, price: 1000 })).id);
    await addToCart(buyer, (await listBook(bob, { quantity: 1, price: 4000 })).id);
    const { order } = await paidOrder(buyer);
    const alicePart = order.sellerOrders.find((so) => so.sellerId === alice.sellerId)!;
    const bobPart = order.sellerOrders.find((so) => so.sellerId === bob.sellerId)!;
    const aliceTotal = alicePart.totals.total!.amount;

    for (const amount of [order.totals.total.amount, aliceTotal + 1]) {
      const response = await refund(alice, order.id, { amount: eur(amount), reason: "all of it", restock: false });
      expect(await response.json()).toMatchObject({
        status: 422,
        code: "refund_exceeds_captured",
        refundable: eur(aliceTotal),
      });
    }
    expect((await refund(alice, order.id, { sellerOrderIds: [bobPart.id], reason: "x", restock: false })).status).toBe(
      403,
    );
    expect(
      (await refund(alice, order.id, { amount: eur(100), goodwill: true, reason: "x", restock: false })).status,
    ).toBe(403);
    expect((await refund(alice, order.id, { amount: eur(aliceTotal), reason: "mine", restock: false })).status).toBe(
      201,
    );
    expect(
      await (await refund(alice, order.id, { amount: eur(1), reason: "more", restock: false })).json(),
    ).toMatchObject({ status: 422, code: "refund_exceeds_captured", refundable: eur(0) });

    const seen = await getOrder(buyer, order.id);
    expect(seen.totals.refunded).toEqual(eur(aliceTotal));
    expect(seen.sellerOrders.find((so) => so.id === bobPart.id)).toMatchObject({
      status: "paid",
      totals: expect.objectContaining({ refunded: eur(0) }),
    });
  });
});
