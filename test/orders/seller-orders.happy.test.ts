import { describe, expect, it } from "vitest";
import { refundSellerOrder, type SellerOrderDetail, sellerOrder } from "../../workers/orders";
import { api, asSeller, signUp, type TestSeller } from "../support/identity";
import { listBook } from "../support/listings";
import {
  addToCart,
  BERLIN,
  eur,
  newKey,
  ordersTestContext,
  paidOrder,
  refund,
  ship,
  stockLevels,
} from "../support/orders";

const detailOf = async (seller: TestSeller, sellerOrderId: string) => {
  const response = await api(`/v1/seller/orders/${sellerOrderId}`, { headers: seller.auth });
  expect(response.status).toBe(200);
  return response.json<SellerOrderDetail>();
};

const queue = async (seller: TestSeller, query: string) => {
  const response = await api(`/v1/seller/orders?${query}`, { headers: seller.auth });
  expect(response.status).toBe(200);
  return response.json<{ items: { id: string; status: string }[]; nextCursor: string | null }>();
};

/** A paid order of one book from the seller; answers the seller's part of it. */
async function soldOne(seller: TestSeller, price = 1000) {
  const buyer = await signUp();
  await addToCart(buyer, (await listBook(seller, { quantity: 2, price })).id);
  const { order } = await paidOrder(buyer);
  return { order, part: order.sellerOrders[0]! };
}

describe("a seller order's page and packing slip", () => {
  it("has the lines with covers and inscriptions, where to send it, its history, shipment and refunds", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, {
      quantity: 3,
      price: 1500,
      coverOptions: [{ name: "Gold inscription", kind: "inscription", price: 400, maxLength: 30 }],
    });
    const plain = await listBook(seller, { quantity: 1, price: 700 });
    const buyer = await signUp();
    await addToCart(buyer, listing.id, {
      quantity: 2,
      coverOptionId: listing.coverOptions[0]!.id,
      inscription: "For Ada",
    });
    await addToCart(buyer, plain.id);
    const { order } = await paidOrder(buyer);
    const part = order.sellerOrders[0]!;

    const paid = await detailOf(seller, part.id);
    const covered = paid.lines.find((line) => line.listingId === listing.id)!;
    expect(covered).toMatchObject({
      quantity: 2,
      unitPrice: eur(1500),
      cover: { id: listing.coverOptions[0]!.id, name: "Gold inscription", price: eur(400) },
      inscription: "For Ada",
      lineTotal: eur(3800),
    });
    expect(paid.lines.find((line) => line.listingId === plain.id)).toMatchObject({ cover: null, inscription: null });
    expect(paid.shipTo).toMatchObject(BERLIN);
    expect(paid.history.map((row) => row.to)).toEqual(["pending_payment", "paid"]);
    expect(paid.shipment).toBeNull();
    expect(paid.refunds).toEqual([]);

    await ship(seller, part.id, { carrier: "DHL", trackingNumber: "JJD0042", trackingUrl: "https://track.example/42" });
    const plainLine = paid.lines.find((line) => line.listingId === plain.id)!;
    const refunded = await refund(seller, order.id, { lines: [{ lineId: plainLine.id }], reason: "damaged" });
    expect(refunded.status).toBe(201);

    const after = await detailOf(seller, part.id);
    expect(after.shipment).toMatchObject({
      carrier: "DHL",
      trackingNumber: "JJD0042",
      trackingUrl: "https://track.example/42",
    });
    expect(after.shipTo).toMatchObject(BERLIN);
    expect(after.history.map((row) => [row.to, row.actor])).toEqual([
      ["pending_payment", "buyer"],
      ["paid", "system"],
      ["shipped", "seller"],
      ["partially_refunded", "seller"],
    ]);
    expect(after.refunds).toEqual([
      expect.objectContaining({
        state: "succeeded",
        amount: eur(700),
        reason: "damaged",
        restocked: false,
        lines: [{ lineId: plainLine.id, quantity: 1, amount: eur(700) }],
      }),
    ]);
    // The console reads the same page through the service, with the same answer.
    expect(await sellerOrder(ordersTestContext(), seller.sellerId, part.id)).toEqual(after);
  });
});

describe("the to-ship queue", () => {
  it("lists what is paid (or partly refunded) and not yet sent, newest first, by cursor", async () => {
    const seller = await asSeller();
    const waiting = await soldOne(seller);
    const sent = await soldOne(seller);
    const partly = await soldOne(seller);
    expect((await ship(seller, sent.part.id)).status).toBe(201);
    const amount = { amount: eur(100), reason: "small scratch", restock: false };
    expect((await refund(seller, partly.order.id, amount)).status).toBe(201);

    const first = await queue(seller, "toShip=true&limit=1");
    expect(first.items.map((item) => [item.id, item.status])).toEqual([[partly.part.id, "partially_refunded"]]);
    const second = await queue(seller, `toShip=true&limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((item) => item.id)).toEqual([waiting.part.id]);
    expect(second.nextCursor).toBeNull();

    expect((await queue(seller, "status=shipped")).items.map((item) => item.id)).toEqual([sent.part.id]);
    expect((await queue(seller, "toShip=false")).items).toHaveLength(3);
  });
});

describe("refundSellerOrder (the console's refund form)", () => {
  it("refunds a line with its copies back on sale, once per key however often the form is sent", async () => {
    const seller = await asSeller();
    const { order, part } = await soldOne(seller, 1200);
    const line = part.lines[0]!;
    const before = await stockLevels(line.listingId);
    const ctx = ordersTestContext();
    const key = newKey();
    const body = { lines: [{ lineId: line.id, quantity: 1 }], reason: "wrong edition", restock: true };
    const [first, again] = await Promise.all([
      refundSellerOrder(ctx, seller.sellerId, part.id, body, key),
      refundSellerOrder(ctx, seller.sellerId, part.id, body, key),
    ]);
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ state: "succeeded", amount: eur(1200), restocked: true, sellerOrderIds: [part.id] });
    expect((await stockLevels(line.listingId)).available).toBe(before.available! + 1);
    const page = await sellerOrder(ctx, seller.sellerId, part.id);
    expect(page.totals.refunded).toEqual(eur(1200));
    expect(page.refunds).toHaveLength(1);
    expect(order.id).toBe(page.orderId);
  });

  it("refunds an amount of the seller order when no line is named", async () => {
    const seller = await asSeller();
    const { part } = await soldOne(seller, 2000);
    const issued = await refundSellerOrder(
      ordersTestContext(),
      seller.sellerId,
      part.id,
      { amount: eur(250), reason: "late", restock: false },
      newKey(),
    );
    expect(issued).toMatchObject({ amount: eur(250), sellerOrderIds: [part.id] });
  });
});
