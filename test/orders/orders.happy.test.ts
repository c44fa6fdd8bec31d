import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { payments } from "../../schema/payments";
import { firstRow } from "../support/database";
import { eventually } from "../support/eventually";
import { api, asAdmin, asSeller, json, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { waitForMail } from "../support/mail";
import {
  addToCart,
  db,
  eur,
  getOrder,
  newKey,
  orderRow,
  paidOrder,
  paidTwoSellerOrder,
  placeOrder,
  refund,
  settlePayment,
  ship,
  stockLevels,
} from "../support/orders";

interface SellerOrderBody {
  id: string;
  orderId: string;
  status: string;
  shipTo: Record<string, string> | null;
  lines: { id: string; listingId: string; quantity: number }[];
  shipment: { carrier: string; trackingNumber: string; trackingUrl: string | null } | null;
}

describe("orders (happy paths)", () => {
  it("follows an order from two sellers to the buyer's door: pay, ship, track, deliver, refund a line", async () => {
    const [alice, bob] = [await asSeller({ storeName: `Alice ${newKey()}` }), await asSeller()];
    const atAlice = await listBook(alice, { quantity: 2, price: 1800 });
    const atBob = await listBook(bob, { quantity: 3, price: 1100 });
    const buyer = await signUp({ name: "Walkthrough Reader", verified: true });
    await addToCart(buyer, atAlice.id);
    await addToCart(buyer, atBob.id, { quantity: 2 });
    const { order } = await paidOrder(buyer);

    const listed = await (await api("/v1/orders", { headers: buyer.auth })).json<{
      items: { id: string; status: string }[];
    }>();
    expect(listed.items[0]).toMatchObject({ id: order.id, status: "paid" });
    await waitForMail(buyer.email, "order-confirmation");

    // Each seller sees their part, with the address to send it to, and ships it.
    for (const [seller, tracking] of [
      [alice, "ALICE-123"],
      [bob, "BOB-456"],
    ] as const) {
      const page = await api("/v1/seller/orders?status=paid", { headers: seller.auth });
      const { items } = await page.json<{ items: SellerOrderBody[] }>();
      const mine = items.find((item) => item.orderId === order.id)!;
      expect(mine.shipTo).toMatchObject({ name: "Ada Reader", city: "Berlin", country: "DE" });
      const shipped = await ship(seller, mine.id, {
        carrier: "DHL",
        trackingNumber: tracking,
        trackingUrl: `https://track.example/${tracking}`,
      });
      expect(shipped.status).toBe(201);
      expect(await shipped.json()).toMatchObject({ status: "shipped", shipment: { trackingNumber: tracking } });
    }

    const seen = await getOrder(buyer, order.id);
    expect(
      seen.sellerOrders.map((so) => [so.status, so.shipment?.trackingNumber, so.shipment?.trackingUrl]).sort(),
    ).toEqual([
      ["shipped", "ALICE-123", "https://track.example/ALICE-123"],
      ["shipped", "BOB-456", "https://track.example/BOB-456"],
    ]);
    const shippedMails = await waitForMail(buyer.email, "order-shipped", 2);
    expect(shippedMails.map((mail) => mail.text).join("\n")).toContain("Tracking number: BOB-456");

    const bobsPart = seen.sellerOrders.find((so) => so.sellerId === bob.sellerId)!;
    const delivered = await api(`/v1/seller/orders/${bobsPart.id}/delivered`, json({}, { headers: bob.auth }));
    expect(delivered.status).toBe(200);
    expect(await delivered.json()).toMatchObject({ status: "delivered" });
    await waitForMail(buyer.email, "order-delivered");

    // Bob refunds one of the two copies and puts it back on sale.
    const line = bobsPart.lines[0]!;
    const refunded = await refund(bob, order.id, {
      lines: [{ lineId: line.id, quantity: 1 }],
      reason: "cover damaged",
      restock: true,
    });
    expect(refunded.status).toBe(201);
    expect(await refunded.json()).toMatchObject({
      state: "succeeded",
      amount: eur(1100),
      restocked: true,
      lines: [{ lineId: line.id, quantity: 1, amount: eur(1100) }],
    });
    expect(await stockLevels(atBob.id)).toEqual({ onHand: 2, held: 0, available: 2 });

    const after = await getOrder(buyer, order.id);
    expect(after.status).toBe("partially_refunded");
    expect(after.totals.refunded).toEqual(eur(1100));
    expect(after.refunds).toMatchObject([{ amount: eur(1100), reason: "cover damaged", state: "succeeded" }]);
    const bobAfter = after.sellerOrders.find((so) => so.sellerId === bob.sellerId)!;
    expect(bobAfter).toMatchObject({ status: "partially_refunded", totals: { refunded: eur(1100) } });
    expect(bobAfter.shipment?.deliveredAt).not.toBeNull();
    const [refundMail] = await waitForMail(buyer.email, "refund-issued");
    expect(refundMail!.text).toContain("11.00 EUR");

    const receipt = await (await api(`/v1/orders/${order.id}/receipt`, { headers: buyer.auth })).json<{
      totals: { total: { amount: number } };
      netPaid: { amount: number };
      payment: { provider: string; captured: { amount: number } };
      sellers: { storeName: string }[];
    }>();
    expect(receipt.payment).toEqual({ provider: "simulated", captured: eur(order.totals.total.amount) });
    expect(receipt.netPaid).toEqual(eur(order.totals.total.amount - 1100));
    expect(receipt.sellers.map((s) => s.storeName)).toContain(after.sellerOrders[0]!.storeName);
  });

  it("cancels an unpaid order: the held copies go back, nothing to refund", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 1 });
    const buyer = await signUp({ verified: true });
    await addToCart(buyer, listing.id);
    const { order } = await placeOrder(buyer);
    const response = await api(
      `/v1/orders/${order.id}/cancel`,
      json({ reason: "changed my mind" }, { headers: buyer.auth }),
    );
    expect(response.status).toBe(200);
    const cancelled = await response.json<{ status: string; cancelReason: string; refunds: unknown[] }>();
    expect(cancelled).toMatchObject({ status: "cancelled", cancelReason: "buyer_requested", refunds: [] });
    expect(await stockLevels(listing.id)).toEqual({ onHand: 1, held: 0, available: 1 });
    const [mail] = await waitForMail(buyer.email, "order-cancelled");
    expect(mail!.text).toContain("Nothing was charged");
  });

  it("cancels a paid order before it ships: copies back on sale, the payment refunded in full", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 2 });
    const buyer = await signUp({ verified: true });
    await addToCart(buyer, listing.id, { quantity: 2 });
    const { order, payment } = await paidOrder(buyer);
    expect(await stockLevels(listing.id)).toMatchObject({ onHand: 0 });

    const response = await api(`/v1/orders/${order.id}/cancel`, { method: "POST", headers: buyer.auth });
    expect(response.status).toBe(200);
    const cancelled = await response.json<{ status: string; totals: { refunded: { amount: number } } }>();
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.totals.refunded).toEqual(eur(order.totals.total.amount));
    expect(await stockLevels(listing.id)).toEqual({ onHand: 2, held: 0, available: 2 });
    const stored = await firstRow(db.select().from(payments).where(eq(payments.id, payment.id)).limit(1));
    expect(stored?.refundedAmount).toBe(order.totals.total.amount);
    await waitForMail(buyer.email, "refund-issued");
  });

  it("refunds a payment that arrives for an order the buyer already cancelled", async () => {
    const seller = await asSeller();
    const buyer = await signUp();
    await addToCart(buyer, (await listBook(seller, { quantity: 1 })).id);
    const { order, payment } = await placeOrder(buyer);
    expect((await api(`/v1/orders/${order.id}/cancel`, { method: "POST", headers: buyer.auth })).status).toBe(200);
    await settlePayment(payment.id, "succeed");
    const row = await eventually(async () => {
      const current = await orderRow(order.id);
      return current?.refundedTotal === current?.total ? current : undefined;
    });
    expect(row).toMatchObject({ status: "cancelled", paidAt: null });
  });

  it("pages through a buyer's orders newest first", async () => {
    const seller = await asSeller();
    const buyer = await signUp();
    const ids = [];
    for (let i = 0; i < 3; i++) {
      // A different book each time: checking out the same cart again would answer the first order.
      await addToCart(buyer, (await listBook(seller, { quantity: 1 })).id);
      ids.push((await placeOrder(buyer)).order.id);
      // The cart empties when an order is paid; these stay unpaid, so empty it for the next one.
      await api("/v1/cart", { method: "DELETE", headers: buyer.auth });
    }
    const first = await (await api("/v1/orders?limit=2", { headers: buyer.auth })).json<{
      items: { id: string; itemCount: number }[];
      nextCursor: string;
    }>();
    expect(first.items.map((item) => item.id)).toEqual([ids[2], ids[1]]);
    const second = await (await api(`/v1/orders?limit=2&cursor=${first.nextCursor}`, { headers: buyer.auth })).json<{
      items: { id: string }[];
      nextCursor: string | null;
    }>();
    expect(second).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
  });

  it("lets a seller refund their whole part with shipping, and an admin the rest of the order", async () => {
    const [alice, bob] = [await asSeller(), await asSeller()];
    const buyer = await signUp();
    await addToCart(buyer, (await listBook(alice, { quantity: 1, price: 1000 })).id);
    await addToCart(buyer, (await listBook(bob, { quantity: 1, price: 2000 })).id);
    const { order } = await paidOrder(buyer);
    const alicePart = order.sellerOrders.find((so) => so.sellerId === alice.sellerId)!;

    const whole = await refund(alice, order.id, { reason: "out of stock after all", restock: false });
    expect(whole.status).toBe(201);
    expect(await whole.json()).toMatchObject({
      amount: eur(alicePart.totals.total!.amount),
      sellerOrderIds: [alicePart.id],
    });
    const midway = await getOrder(buyer, order.id);
    expect(midway.status).toBe("partially_refunded");
    expect(midway.sellerOrders.find((so) => so.id === alicePart.id)?.status).toBe("refunded");

    const admin = await asAdmin();
    const rest = await refund(admin, order.id, { reason: "goodwill", restock: false });
    expect(rest.status).toBe(201);
    const done = await getOrder(buyer, order.id);
    expect(done.status).toBe("refunded");
    expect(done.totals.refunded).toEqual(done.totals.total);
    expect(done.history.filter((row) => row.sellerOrderId === null).map((row) => row.to)).toEqual([
      "pending_payment",
      "paid",
      "partially_refunded",
      "refunded",
    ]);
  });

  it("replays a refund for the same Idempotency-Key and never refunds twice", async () => {
    const seller = await asSeller();
    const buyer = await signUp();
    await addToCart(buyer, (await listBook(seller, { quantity: 1, price: 1500 })).id);
    const { order } = await paidOrder(buyer);
    const key = newKey();
    const body = { amount: eur(500), reason: "late delivery", restock: false };
    const first = await refund(seller, order.id, body, key);
    const again = await refund(seller, order.id, body, key);
    expect(first.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect((await getOrder(buyer, order.id)).totals.refunded).toEqual(eur(500));
  });

  it("lets an admin charge a refund to named seller orders, or grant it as marketplace goodwill", async () => {
    const { buyer, order, parts } = await paidTwoSellerOrder([1000, 4000]);
    const [alicePart, bobPart] = parts;
    const admin = await asAdmin();

    const charged = await refund(admin, order.id, {
      amount: eur(300),
      sellerOrderIds: [bobPart.id],
      reason: "scuffed",
      restock: false,
    });
    expect(charged.status).toBe(201);
    expect(await charged.json()).toMatchObject({ amount: eur(300), sellerOrderIds: [bobPart.id], goodwill: eur(0) });

    const goodwill = await refund(admin, order.id, {
      amount: eur(250),
      goodwill: true,
      reason: "late",
      restock: false,
    });
    expect(goodwill.status).toBe(201);
    expect(await goodwill.json()).toMatchObject({
      amount: eur(250),
      sellerOrderIds: [],
      lines: [],
      goodwill: eur(250),
    });

    const seen = await getOrder(buyer, order.id);
    expect(seen.totals.refunded).toEqual(eur(550));
    expect(seen.sellerOrders.find((so) => so.id === bobPart.id)?.totals.refunded).toEqual(eur(300));
    expect(seen.sellerOrders.find((so) => so.id === alicePart.id)?.totals.refunded).toEqual(eur(0));
    expect(await orderRow(order.id)).toMatchObject({ refundedTotal: 550, goodwillTotal: 250 });

    // A bare amount that is everything left still covers the whole order, charged to its seller orders.
    const rest = order.totals.total.amount - 550;
    const everything = await refund(admin, order.id, { amount: eur(rest), reason: "all", restock: false });
    expect(everything.status).toBe(201);
    expect(await orderRow(order.id)).toMatchObject({ status: "refunded", refundedTotal: order.totals.total.amount });
  });
});
