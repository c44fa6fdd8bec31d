import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { orderRefunds } from "../../schema/orders";
import { payments, refunds } from "../../schema/payments";
import { firstRow } from "../support/database";
import { api, asSeller, json, signUp, type TestSeller } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, db, eur, eventsFor, orderRow, paidOrder, refund, stockLevels } from "../support/orders";
import { enterCodes, insertPromotion, setTaxRates } from "../support/pricing";

/**
 * Refunds of discounted lines give back what was paid for the copies: a line's total (after discounts) split
 * exactly over its copies. The free copy of a buy-one-get-one comes back for 0.00, without asking the provider.
 */

let next = 0;

async function shipsDomestic(seller: TestSeller) {
  await api(
    "/v1/seller/shipping-rates",
    json(
      {
        countries: ["DE"],
        domestic: { first: eur(450), additional: eur(100) },
        international: { first: eur(1200), additional: eur(300) },
        express: { first: eur(1900), additional: eur(400) },
      },
      { method: "PUT", headers: seller.auth },
    ),
  );
}

/**
 * Paperbacks of 12.00 and 8.00 under the seller's "buy 1 get 1 free", a 10% code on top, two copies shipped in
 * Germany (4.50 + 1.00). The 8.00 one is free; the code takes 1.20 off the other: 10.80 + 0.00 + 5.50 = 16.30.
 * Tax: all at the books rate, 16.30 at 7% → 1.07.
 */
async function discountedOrder() {
  const seller = await asSeller({ shipsFrom: "DE" });
  await shipsDomestic(seller);
  const paid = await listBook(seller, { quantity: 2, price: 1200 });
  const free = await listBook(seller, { quantity: 2, price: 800 });
  await insertPromotion({
    sellerId: seller.sellerId,
    name: "Buy 1 get 1 free",
    kind: "buy_x_get_y",
    buyQuantity: 1,
    getQuantity: 1,
    targets: { listingIds: [paid.id, free.id] },
  });
  const code = `TENOFF${++next}`;
  await insertPromotion({ code, name: "Ten off", kind: "percent_off", percentOff: 10 });
  const buyer = await signUp();
  await addToCart(buyer, paid.id);
  await addToCart(buyer, free.id);
  await enterCodes(buyer, [code]);
  const { order } = await paidOrder(buyer);
  const [part] = order.sellerOrders;
  const lineOf = (listingId: string) => part!.lines.find((line) => line.listingId === listingId)!;
  return { seller, buyer, order, part: part!, paidLine: lineOf(paid.id), freeLine: lineOf(free.id), free };
}

describe("refunds of discounted lines", () => {
  beforeAll(async () => {
    await setTaxRates("DE", { books: 700, standard: 1900 });
  });

  it("gives back 0.00 for the free copy and the discounted price for the other, with their tax", async () => {
    const { seller, order, part, paidLine, freeLine, free } = await discountedOrder();
    expect(part.totals.total).toEqual(eur(1630));
    expect(freeLine.lineTotal).toEqual(eur(0));
    expect(paidLine.lineTotal).toEqual(eur(1080));
    const availableBefore = (await stockLevels(free.id)).available!;

    const freeRefund = await refund(seller, order.id, {
      lines: [{ lineId: freeLine.id }],
      reason: "unwanted",
      restock: true,
    });
    expect(freeRefund.status).toBe(201);
    expect(await freeRefund.json()).toMatchObject({
      state: "succeeded",
      amount: eur(0),
      tax: eur(0),
      restocked: true,
      lines: [{ lineId: freeLine.id, quantity: 1, amount: eur(0) }],
    });
    // Nothing went to the provider; the copy is back on sale and the order says a refund happened.
    expect(await db.select().from(refunds).where(eq(refunds.orderId, order.id))).toHaveLength(0);
    expect((await stockLevels(free.id)).available).toBe(availableBefore + 1);
    expect(await orderRow(order.id)).toMatchObject({ status: "partially_refunded", refundedTotal: 0 });
    const [issued] = await eventsFor(order.id, "RefundIssued");
    expect(issued?.data).toMatchObject({ amount: eur(0), tax: eur(0) });

    const paidRefund = await refund(seller, order.id, {
      lines: [{ lineId: paidLine.id }],
      reason: "unwanted",
      restock: false,
    });
    expect(paidRefund.status).toBe(201);
    // 1.07 × 10.80 / 16.30 = 0.709 → 0.71 of the seller order's tax.
    expect(await paidRefund.json()).toMatchObject({ state: "succeeded", amount: eur(1080), tax: eur(71) });
  });

  it("gives back exactly what was paid once every line and the shipping are refunded, and all the tax", async () => {
    const { seller, order, part, paidLine, freeLine } = await discountedOrder();
    for (const line of [freeLine, paidLine]) {
      const response = await refund(seller, order.id, {
        lines: [{ lineId: line.id }],
        reason: "returned",
        restock: true,
      });
      expect(response.status).toBe(201);
    }
    const rest = await refund(seller, order.id, { sellerOrderIds: [part.id], reason: "shipping back" });
    expect(rest.status).toBe(201);
    expect(await rest.json()).toMatchObject({ amount: eur(550) });

    const stored = await db.select().from(orderRefunds).where(eq(orderRefunds.orderId, order.id));
    expect(stored.reduce((sum, row) => sum + row.amount, 0)).toBe(1630);
    expect(stored.reduce((sum, row) => sum + row.tax, 0)).toBe(107);
    expect(await orderRow(order.id)).toMatchObject({ status: "refunded", refundedTotal: 1630, tax: 107 });
    const payment = await firstRow(db.select().from(payments).where(eq(payments.orderId, order.id)).limit(1));
    expect(payment).toMatchObject({ capturedAmount: 1630, refundedAmount: 1630 });
  });

  it("splits a line's paid total exactly over its copies, the first refunded taking the odd cent", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 2, price: 1001 });
    await insertPromotion({
      sellerId: seller.sellerId,
      name: "Two for one",
      kind: "buy_x_get_y",
      buyQuantity: 1,
      getQuantity: 1,
      targets: { listingIds: [listing.id] },
    });
    const buyer = await signUp();
    await addToCart(buyer, listing.id, { quantity: 2 });
    const { order } = await paidOrder(buyer);
    const line = order.sellerOrders[0]!.lines[0]!;
    expect(line.lineTotal).toEqual(eur(1001));

    const amounts = [];
    for (let copy = 0; copy < 2; copy++) {
      const response = await refund(seller, order.id, {
        lines: [{ lineId: line.id, quantity: 1 }],
        reason: "returned",
      });
      expect(response.status).toBe(201);
      amounts.push((await response.json<{ amount: { amount: number } }>()).amount.amount);
    }
    expect(amounts).toEqual([501, 500]);
  });
});
