import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { payments } from "../../schema/payments";
import { firstRow } from "../support/database";
import { api, asSeller, json, signUp, type TestSeller } from "../support/identity";
import { listBook } from "../support/listings";
import { waitForMail } from "../support/mail";
import { addToCart, BERLIN, db, eur, eventsFor, paidOrder, placeOrder, stockLevels } from "../support/orders";
import { enterCodes, insertPromotion, promotionById, redemptionsOf, setTaxRates } from "../support/pricing";

/**
 * The walk-through, to the cent: a seller runs "buy 1 get 1 free" on two paperbacks, the marketplace's
 * SPRING10 takes 10% off from €20, a third book has a custom cover, and it ships to Germany (books 7%, standard 19%).
 *
 * Paperbacks 12.00 and 8.00, the covered book 15.00 + 5.00 cover; 3 copies shipped domestic: 4.50 + 2 × 1.00.
 * BOGO: the cheaper paperback is free (−8.00, the seller's). SPRING10 on what is left of the books (12.00 + 15.00
 * = 27.00): −2.70, split 1.20 / 1.50 (the marketplace's). Lines: 10.80, 0.00, 18.50; with shipping 35.80.
 * Tax: books 10.80 + 13.50 + shipping 6.50 = 30.80 at 7% → 2.01; the cover 5.00 at 19% → 0.80; 2.81 in all.
 */
/** What a store's lines come to. */
const linesTotal = (part: { lines: { lineTotal: { amount: number } }[] }) =>
  part.lines.reduce((sum, line) => sum + line.lineTotal.amount, 0);

async function walkThrough(code = "SPRING10") {
  const seller = await asSeller({ shipsFrom: "DE" });
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
  const first = await listBook(seller, { quantity: 3, price: 1200 });
  const second = await listBook(seller, { quantity: 3, price: 800 });
  const covered = await listBook(seller, {
    quantity: 3,
    price: 1500,
    coverOptions: [{ name: "Linen", kind: "material", price: 500 }],
  });
  const bogo = await insertPromotion({
    sellerId: seller.sellerId,
    name: "Buy 1 get 1 free",
    kind: "buy_x_get_y",
    buyQuantity: 1,
    getQuantity: 1,
    targets: { listingIds: [first.id, second.id] },
  });
  const spring = await insertPromotion({
    name: "Spring sale",
    code,
    kind: "percent_off",
    percentOff: 10,
    minimumSpend: 2000,
    usageLimit: 100,
  });
  const buyer = await signUp({ name: "Ada Reader", verified: true });
  await addToCart(buyer, first.id);
  await addToCart(buyer, second.id);
  await addToCart(buyer, covered.id, { coverOptionId: covered.coverOptions[0]!.id });
  await enterCodes(buyer, [code.toLowerCase()]);
  return { seller, buyer, first, second, covered, bogo, spring };
}

describe("checkout with promotions and tax", () => {
  beforeAll(async () => {
    await setTaxRates("DE", { books: 700, standard: 1900 });
  });

  it("charges what the quote says and explains every cent on the order and the seller's order", async () => {
    const { seller, buyer, first, second, covered, bogo, spring } = await walkThrough();
    const placed = await placeOrder(buyer, { shippingAddress: BERLIN, shippingMethod: "standard" });
    const { order } = placed;

    expect(order.totals).toEqual({
      items: eur(3500),
      covers: eur(500),
      shipping: eur(650),
      discount: eur(1070),
      tax: eur(281),
      total: eur(3580),
      refunded: eur(0),
    });
    expect(order).toMatchObject({
      discountTotal: eur(1070),
      sellerFundedDiscount: eur(800),
      platformFundedDiscount: eur(270),
      tax: {
        country: "DE",
        lines: [
          { taxClass: "books", rate: 700, name: "DE VAT 7% (books)", taxable: eur(3080), tax: eur(201) },
          { taxClass: "standard", rate: 1900, name: "DE VAT 19% (standard)", taxable: eur(500), tax: eur(80) },
        ],
        total: eur(281),
      },
    });

    const [part] = order.sellerOrders;
    expect(part).toMatchObject({
      totals: { items: eur(3500), covers: eur(500), shipping: eur(650), discount: eur(1070), total: eur(3580) },
      discountTotal: eur(1070),
      sellerFundedDiscount: eur(800),
      platformFundedDiscount: eur(270),
      tax: { total: eur(281) },
    });
    const line = (listingId: string) => part!.lines.find((row) => row.listingId === listingId)!;
    expect(line(first.id)).toMatchObject({
      unitPrice: eur(1200),
      grossTotal: eur(1200),
      discounts: [
        { promotionId: spring.id, code: "SPRING10", name: "Spring sale", fundedBy: "platform", amount: eur(120) },
      ],
      discountTotal: eur(120),
      lineTotal: eur(1080),
    });
    expect(line(second.id)).toMatchObject({
      unitPrice: eur(800),
      discounts: [{ promotionId: bogo.id, code: null, fundedBy: "seller", amount: eur(800) }],
      discountTotal: eur(800),
      lineTotal: eur(0),
    });
    expect(line(covered.id)).toMatchObject({
      unitPrice: eur(1500),
      grossTotal: eur(2000),
      discountTotal: eur(150),
      lineTotal: eur(1850),
    });
    expect(linesTotal(part!) + part!.totals.shipping!.amount).toBe(3580);

    // The payment is for the total after discounts; the copies are held and each promotion holds one use.
    const payment = await firstRow(db.select().from(payments).where(eq(payments.id, placed.payment.id)).limit(1));
    expect(payment).toMatchObject({ amount: 3580, currency: "EUR" });
    const [created] = await eventsFor(order.id, "OrderCreated");
    expect(created?.data).toMatchObject({ total: eur(3580), discountTotal: eur(1070), tax: eur(281) });
    expect(await stockLevels(second.id)).toMatchObject({ held: 1 });
    for (const promotion of [bogo, spring]) {
      expect(await promotionById(promotion.id)).toMatchObject({ usesHeld: 1, usesCount: 0 });
      expect((await redemptionsOf(promotion.id)).map((row) => [row.orderId, row.state])).toEqual([[order.id, "held"]]);
    }

    // The seller sees what their part earns: the buyer's total plus the discount the marketplace funds.
    const sellerView = await api(`/v1/seller/orders/${part!.id}`, { headers: (seller as TestSeller).auth });
    expect(sellerView.status).toBe(200);
    expect(await sellerView.json()).toMatchObject({
      totals: { total: eur(3580), discount: eur(1070) },
      sellerFundedDiscount: eur(800),
      platformFundedDiscount: eur(270),
      proceeds: eur(3850),
      tax: { total: eur(281) },
    });
  });

  it("counts the uses once paid, and the receipt and confirmation mail add up to the cent", async () => {
    const { buyer, bogo, spring } = await walkThrough("SPRINGTIME10");
    const { order } = await paidOrder(buyer);
    for (const promotion of [bogo, spring]) {
      expect(await promotionById(promotion.id)).toMatchObject({ usesHeld: 1, usesCount: 1 });
      expect((await redemptionsOf(promotion.id)).map((row) => row.state)).toEqual(["used"]);
    }

    const response = await api(`/v1/orders/${order.id}/receipt`, { headers: buyer.auth });
    expect(response.status).toBe(200);
    const receipt = await response.json<{
      sellers: {
        lines: { grossTotal: { amount: number }; discountTotal: { amount: number }; lineTotal: { amount: number } }[];
        shipping: { amount: number };
        tax: { lines: { taxable: { amount: number }; tax: { amount: number } }[]; total: { amount: number } };
        total: { amount: number };
      }[];
      totals: Record<string, { amount: number }>;
      tax: { country: string; lines: { taxable: { amount: number }; tax: { amount: number } }[] };
      payment: { captured: { amount: number } };
      netPaid: { amount: number };
      netTax: { amount: number };
    }>();
    const [store] = receipt.sellers;
    for (const line of store!.lines) {
      expect(line.grossTotal.amount - line.discountTotal.amount).toBe(line.lineTotal.amount);
    }
    expect(linesTotal(store!) + store!.shipping.amount).toBe(store!.total.amount);
    expect(store!.total.amount).toBe(receipt.totals.total!.amount);
    // Every cent charged is taxable at one rate, and the VAT per rate adds up to the tax in the total.
    expect(receipt.tax.country).toBe("DE");
    expect(receipt.tax.lines.reduce((sum, line) => sum + line.taxable.amount, 0)).toBe(3580);
    expect(receipt.tax.lines.map((line) => line.tax.amount)).toEqual([201, 80]);
    expect(store!.tax.total.amount).toBe(281);
    expect(receipt).toMatchObject({
      totals: { discount: eur(1070), tax: eur(281), total: eur(3580) },
      payment: { captured: eur(3580) },
      netPaid: eur(3580),
      netTax: eur(281),
    });

    const [mail] = await waitForMail(buyer.email, "order-confirmation");
    expect(mail!.text).toContain("− Buy 1 get 1 free: 8.00 EUR");
    expect(mail!.text).toContain("− Spring sale (SPRINGTIME10): 1.20 EUR");
    expect(mail!.text).toMatch(/Discounts\s+10\.70 EUR/);
    expect(mail!.text).toContain("DE VAT 7% (books): 2.01 EUR of 30.80 EUR");
    expect(mail!.text).toContain("DE VAT 19% (standard): 0.80 EUR of 5.00 EUR");
    expect(mail!.text).toMatch(/Total paid\s+35\.80 EUR/);
  });

  it("charges list prices and no tax where no promotion runs and the destination has no rates", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 2, price: 1000 });
    const buyer = await signUp();
    await addToCart(buyer, listing.id, { quantity: 2 });
    const { order } = await placeOrder(buyer, {
      shippingAddress: { ...BERLIN, country: "JP", city: "Tokyo", postalCode: "100-0001" },
    });
    expect(order.totals).toMatchObject({ items: eur(2000), discount: eur(0), tax: eur(0) });
    expect(order.totals.total.amount).toBe(2000 + order.totals.shipping.amount);
    expect(order).toMatchObject({ discountTotal: eur(0), sellerFundedDiscount: eur(0), tax: { country: "JP" } });
    expect(order.sellerOrders[0]!.lines[0]).toMatchObject({
      discounts: [],
      lineTotal: eur(2000),
      grossTotal: eur(2000),
    });
  });
});
