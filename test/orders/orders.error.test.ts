import { describe, expect, it } from "vitest";
import { api, asAdmin, asSeller, json, signUp, type TestSeller } from "../support/identity";
import { listBook } from "../support/listings";
import {
  addToCart,
  eur,
  getOrder,
  newKey,
  paidOrder,
  paidTwoSellerOrder,
  placeOrder,
  refund,
  ship,
} from "../support/orders";

const problem = async (response: Response): Promise<Record<string, unknown> & { status: number }> => ({
  status: response.status,
  ...(await response.json<Record<string, unknown>>()),
});

async function paidFrom(seller: TestSeller, price = 1000, quantity = 1) {
  const buyer = await signUp();
  await addToCart(buyer, (await listBook(seller, { quantity: 3, price })).id, { quantity });
  return { buyer, ...(await paidOrder(buyer)) };
}

describe("orders (errors)", () => {
  it("refuses to cancel an order once part of it shipped (409), and a second cancel", async () => {
    const seller = await asSeller();
    const { buyer, order } = await paidFrom(seller);
    expect((await ship(seller, order.sellerOrders[0]!.id)).status).toBe(201);
    const late = await problem(await api(`/v1/orders/${order.id}/cancel`, { method: "POST", headers: buyer.auth }));
    expect(late).toMatchObject({ status: 409, code: "invalid_transition", sellerOrderStatus: "shipped" });
    expect((await getOrder(buyer, order.id)).status).toBe("paid");

    const other = await signUp();
    await addToCart(other, (await listBook(seller, { quantity: 1 })).id);
    const { order: unpaid } = await placeOrder(other);
    expect((await api(`/v1/orders/${unpaid.id}/cancel`, { method: "POST", headers: other.auth })).status).toBe(200);
    expect(
      await problem(await api(`/v1/orders/${unpaid.id}/cancel`, { method: "POST", headers: other.auth })),
    ).toMatchObject({
      status: 409,
      code: "invalid_transition",
    });
  });

  it("has no receipt before payment (409 order_not_paid)", async () => {
    const seller = await asSeller();
    const buyer = await signUp();
    await addToCart(buyer, (await listBook(seller, { quantity: 1 })).id);
    const { order } = await placeOrder(buyer);
    expect(await problem(await api(`/v1/orders/${order.id}/receipt`, { headers: buyer.auth }))).toMatchObject({
      status: 409,
      code: "order_not_paid",
    });
  });

  it("never refunds more than was captured minus what was refunded (422)", async () => {
    const seller = await asSeller();
    const { buyer, order } = await paidFrom(seller, 1000);
    const total = order.totals.total.amount;
    const tooMuch = await problem(
      await refund(seller, order.id, { amount: eur(total + 1), reason: "x", restock: false }),
    );
    expect(tooMuch).toMatchObject({ status: 422, code: "refund_exceeds_captured", refundable: eur(total) });

    expect((await refund(seller, order.id, { amount: eur(total - 100), reason: "most", restock: false })).status).toBe(
      201,
    );
    const again = await problem(await refund(seller, order.id, { amount: eur(101), reason: "x", restock: false }));
    expect(again).toMatchObject({ status: 422, code: "refund_exceeds_captured", refundable: eur(100) });
    const admin = await asAdmin();
    expect(
      await problem(await refund(admin, order.id, { amount: eur(101), reason: "x", restock: false })),
    ).toMatchObject({
      status: 422,
      code: "refund_exceeds_captured",
    });
    expect((await getOrder(buyer, order.id)).totals.refunded).toEqual(eur(total - 100));
  });

  it("lets only one of two refunds at once through when together they exceed what was captured", async () => {
    const seller = await asSeller();
    const { buyer, order } = await paidFrom(seller, 1000);
    const most = eur(order.totals.total.amount - 10);
    const answers = await Promise.all([
      refund(seller, order.id, { amount: most, reason: "first", restock: false }),
      refund(seller, order.id, { amount: most, reason: "second", restock: false }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 422]);
    const seen = await getOrder(buyer, order.id);
    expect(seen.totals.refunded).toEqual(most);
    expect(seen.refunds).toHaveLength(1);
  });

  it("refuses more copies of a line than are left, lines of other orders, and unpaid orders", async () => {
    const seller = await asSeller();
    const { order } = await paidFrom(seller, 1000, 2);
    const line = order.sellerOrders[0]!.lines[0]!;
    expect(
      await problem(
        await refund(seller, order.id, { lines: [{ lineId: line.id, quantity: 3 }], reason: "x", restock: true }),
      ),
    ).toMatchObject({ status: 422, code: "unprocessable", left: 2 });
    expect(
      await problem(
        await refund(seller, order.id, { lines: [{ lineId: `oln_${"0".repeat(32)}` }], reason: "x", restock: false }),
      ),
    ).toMatchObject({ status: 422 });

    const buyer = await signUp();
    await addToCart(buyer, (await listBook(seller, { quantity: 1 })).id);
    const { order: unpaid } = await placeOrder(buyer);
    expect(await problem(await refund(seller, unpaid.id, { reason: "x", restock: false }))).toMatchObject({
      status: 409,
      code: "invalid_transition",
    });
  });

  it("validates refund requests: key, body, currency; the same key with another body is 422", async () => {
    const seller = await asSeller();
    const { order } = await paidFrom(seller);
    expect(await problem(await refund(seller, order.id, { reason: "x", restock: false }, null))).toMatchObject({
      status: 400,
      code: "idempotency_key_required",
    });
    expect(await problem(await refund(seller, order.id, { restock: false }))).toMatchObject({
      status: 400,
      code: "validation_failed",
    });
    expect(
      await problem(
        await refund(seller, order.id, { amount: { amount: 100, currency: "USD" }, reason: "x", restock: false }),
      ),
    ).toMatchObject({ status: 422, code: "unsupported_currency" });
    const key = newKey();
    expect((await refund(seller, order.id, { amount: eur(100), reason: "x", restock: false }, key)).status).toBe(201);
    expect(
      await problem(await refund(seller, order.id, { amount: eur(200), reason: "x", restock: false }, key)),
    ).toMatchObject({
      status: 422,
      code: "idempotency_key_reused",
    });
  });

  it("ships only a paid seller order, once, and delivers only what shipped", async () => {
    const seller = await asSeller();
    const buyer = await signUp();
    await addToCart(buyer, (await listBook(seller, { quantity: 1 })).id);
    const { order } = await placeOrder(buyer);
    const unpaidPart = order.sellerOrders[0]!.id;
    expect(await problem(await ship(seller, unpaidPart))).toMatchObject({ status: 409, code: "invalid_transition" });
    expect(
      await problem(await api(`/v1/seller/orders/${unpaidPart}/delivered`, { method: "POST", headers: seller.auth })),
    ).toMatchObject({ status: 409, code: "invalid_transition" });

    const { order: paid } = await paidFrom(seller);
    const part = paid.sellerOrders[0]!.id;
    expect(await problem(await ship(seller, part, { trackingNumber: "" }))).toMatchObject({
      status: 400,
      errors: [{ path: "trackingNumber" }],
    });
    expect(await problem(await ship(seller, part, { trackingUrl: "javascript:alert(1)" }))).toMatchObject({
      status: 400,
    });
    expect((await ship(seller, part)).status).toBe(201);
    expect(await problem(await ship(seller, part))).toMatchObject({ status: 409, code: "invalid_transition" });
    expect((await api(`/v1/seller/orders/${part}/delivered`, { method: "POST", headers: seller.auth })).status).toBe(
      200,
    );
    expect(
      await problem(await api(`/v1/seller/orders/${part}/delivered`, { method: "POST", headers: seller.auth })),
    ).toMatchObject({ status: 409, code: "invalid_transition" });
  });

  it("answers 400 for malformed ids and 404 for unknown orders", async () => {
    const buyer = await signUp();
    expect((await api("/v1/orders/not-an-order", { headers: buyer.auth })).status).toBe(400);
    expect((await api(`/v1/orders/ord_${"0".repeat(32)}`, { headers: buyer.auth })).status).toBe(404);
    expect((await api("/v1/orders?cursor=garbage", { headers: buyer.auth })).status).toBe(400);
    const seller = await asSeller();
    expect((await api("/v1/seller/orders?status=lost", { headers: seller.auth })).status).toBe(400);
    expect((await api(`/v1/seller/orders/sor_${"0".repeat(32)}`, { headers: seller.auth })).status).toBe(404);
    expect((await api(`/v1/orders/ord_${"0".repeat(32)}/cancel`, json({}, { headers: buyer.auth }))).status).toBe(404);
  });

  it("asks an admin whose money a partial refund of a several-seller order is (422), and checks what is named", async () => {
    const { buyer, order, parts } = await paidTwoSellerOrder([1000, 4000]);
    const admin = await asAdmin();
    const bare = await problem(await refund(admin, order.id, { amount: eur(500), reason: "x", restock: false }));
    expect(bare).toMatchObject({ status: 422, code: "unprocessable", sellerOrderIds: parts.map((so) => so.id) });
    expect(bare.detail).toContain("sellerOrderIds");

    const aliceTotal = parts[0].totals.total!.amount;
    expect(
      await problem(
        await refund(admin, order.id, {
          amount: eur(aliceTotal + 1),
          sellerOrderIds: [parts[0].id],
          reason: "x",
          restock: false,
        }),
      ),
    ).toMatchObject({ status: 422, code: "refund_exceeds_captured", refundable: eur(aliceTotal) });
    const stranger = `sor_${"0".repeat(32)}`;
    expect(
      await problem(await refund(admin, order.id, { sellerOrderIds: [stranger], reason: "x", restock: false })),
    ).toMatchObject({ status: 422, sellerOrderId: stranger });
    expect(await problem(await refund(admin, order.id, { goodwill: true, reason: "x", restock: false }))).toMatchObject(
      { status: 422, code: "unprocessable" },
    );
    expect(
      await problem(
        await refund(admin, order.id, {
          amount: eur(100),
          goodwill: true,
          sellerOrderIds: [parts[0].id],
          reason: "x",
          restock: false,
        }),
      ),
    ).toMatchObject({ status: 422, code: "unprocessable" });
    expect(
      await problem(
        await refund(admin, order.id, {
          amount: eur(order.totals.total.amount + 1),
          goodwill: true,
          reason: "x",
          restock: false,
        }),
      ),
    ).toMatchObject({ status: 422, code: "refund_exceeds_captured" });
    expect((await getOrder(buyer, order.id)).totals.refunded).toEqual(eur(0));
  });
});
