import { beforeAll, describe, expect, it } from "vitest";
import { api, asAdmin, asSeller, json, signUp, type TestSeller } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, BERLIN, eur, paidOrder, refund, type TaxBody } from "../support/orders";
import { setTaxRates } from "../support/pricing";

/**
 * Tax per destination and class on orders and receipts. Prices include tax; each seller order is taxed on its
 * own (books and their shipping at the books rate, cover options at the standard rate) and the order's tax lines
 * are its seller orders' added up, so the receipt's VAT per rate adds up to the cent.
 */

const PARIS = { ...BERLIN, line1: "1 Rue de Rivoli", city: "Paris", postalCode: "75001", country: "FR" };
const SACRAMENTO = {
  ...BERLIN,
  line1: "1315 10th St",
  city: "Sacramento",
  region: "CA",
  postalCode: "95814",
  country: "US",
};

async function shipsAbroad(seller: TestSeller) {
  await api(
    "/v1/seller/shipping-rates",
    json(
      {
        countries: ["DE", "FR", "US"],
        domestic: { first: eur(450), additional: eur(100) },
        international: { first: eur(1200), additional: eur(300) },
        express: { first: eur(1900), additional: eur(400) },
      },
      { method: "PUT", headers: seller.auth },
    ),
  );
}

type Money = { amount: number; currency: string };

interface Receipt {
  sellers: { storeName: string; tax: TaxBody; total: Money }[];
  totals: { total: Money; tax: Money };
  tax: TaxBody & { country: string };
  netPaid: Money;
  netTax: Money;
}

describe("tax on orders and receipts", () => {
  beforeAll(async () => {
    await setTaxRates("FR", { books: 550, standard: 2000 });
    await setTaxRates("US", { books: 0, standard: 0 });
    await setTaxRates("US", { books: 0, standard: 725 }, "CA");
  });

  it("taxes each seller's part at the destination's rates and adds them up on the order and its receipt", async () => {
    const [alice, bob] = [await asSeller({ shipsFrom: "DE" }), await asSeller({ shipsFrom: "DE" })];
    await shipsAbroad(alice);
    await shipsAbroad(bob);
    const bound = await listBook(alice, {
      quantity: 1,
      price: 2000,
      coverOptions: [{ name: "Leather", kind: "material", price: 600 }],
    });
    const plain = await listBook(bob, { quantity: 1, price: 1000 });
    const buyer = await signUp();
    await addToCart(buyer, bound.id, { coverOptionId: bound.coverOptions[0]!.id });
    await addToCart(buyer, plain.id);
    const { order } = await paidOrder(buyer, { shippingAddress: PARIS, shippingMethod: "standard" });

    // Alice: books 20.00 + shipping 12.00 at 5.5% → 1.67, the cover 6.00 at 20% → 1.00. Bob: 10.00 + 12.00 → 1.15.
    const part = (seller: TestSeller) => order.sellerOrders.find((so) => so.sellerId === seller.sellerId)!;
    expect(part(alice).tax).toEqual({
      lines: [
        { taxClass: "books", rate: 550, name: "FR VAT 5.5% (books)", taxable: eur(3200), tax: eur(167) },
        { taxClass: "standard", rate: 2000, name: "FR VAT 20% (standard)", taxable: eur(600), tax: eur(100) },
      ],
      total: eur(267),
    });
    expect(part(bob).tax.total).toEqual(eur(115));
    expect(order.totals.tax).toEqual(eur(382));

    const response = await api(`/v1/orders/${order.id}/receipt`, { headers: buyer.auth });
    expect(response.status).toBe(200);
    const receipt = await response.json<Receipt>();
    expect(receipt.tax).toEqual({
      country: "FR",
      lines: [
        { taxClass: "books", rate: 550, name: "FR VAT 5.5% (books)", taxable: eur(5400), tax: eur(282) },
        { taxClass: "standard", rate: 2000, name: "FR VAT 20% (standard)", taxable: eur(600), tax: eur(100) },
      ],
      total: eur(382),
    });
    expect(receipt.tax.lines.reduce((sum, line) => sum + line.taxable.amount, 0)).toBe(receipt.totals.total.amount);
    expect(receipt.sellers.reduce((sum, store) => sum + store.tax.total.amount, 0)).toBe(382);
    expect(receipt.sellers.reduce((sum, store) => sum + store.total.amount, 0)).toBe(6000);

    // A refund of Bob's whole part takes his tax back with it: the receipt's net tax is Alice's.
    const admin = await asAdmin();
    const refunded = await refund(admin, order.id, { sellerOrderIds: [part(bob).id], reason: "lost in the post" });
    expect(refunded.status).toBe(201);
    expect(await refunded.json()).toMatchObject({ amount: eur(2200), tax: eur(115) });
    const after = await (await api(`/v1/orders/${order.id}/receipt`, { headers: buyer.auth })).json<Receipt>();
    expect(after).toMatchObject({ netPaid: eur(3800), netTax: eur(267) });
  });

  it("uses a region's own rate where it has one (a US state), the country's elsewhere", async () => {
    const seller = await asSeller({ shipsFrom: "DE" });
    await shipsAbroad(seller);
    const bound = await listBook(seller, {
      quantity: 2,
      price: 2000,
      coverOptions: [{ name: "Leather", kind: "material", price: 600 }],
    });
    const buyer = await signUp();
    await addToCart(buyer, bound.id, { coverOptionId: bound.coverOptions[0]!.id });
    const { order } = await paidOrder(buyer, { shippingAddress: SACRAMENTO, shippingMethod: "standard" });
    // The cover's 6.00 at California's 7.25% → 0.41; books and shipping at 0.
    expect(order.tax.country).toBe("US");
    expect(order.tax.lines.map((line) => [line.taxClass, line.rate, line.taxable.amount, line.tax.amount])).toEqual([
      ["books", 0, 3200, 0],
      ["standard", 725, 600, 41],
    ]);
    expect(order.totals.tax).toEqual(eur(41));
  });
});
