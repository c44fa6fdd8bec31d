import { describe, expect, it } from "vitest";
import type { CartBody } from "../../workers/cart/schemas";
import { api, asSeller, json, signUp, type TestAccount } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart } from "../support/orders";
import { aPromotion, changePromotion, taxRatesFor } from "../support/promotion-rows";

const eur = (amount: number) => ({ amount, currency: "EUR" });
const cartOf = async (buyer: TestAccount, query = "") =>
  (await api(`/v1/cart${query}`, { headers: buyer.auth })).json<CartBody>();

describe("the cart view", () => {
  it("keeps every field it had, lineTotal before discounts, and adds the discounted totals beside them", async () => {
    const seller = await asSeller({ storeName: "Alice Books" });
    const listing = await listBook(seller, {
      price: 1500,
      quantity: 3,
      coverOptions: [{ name: "Leather", kind: "material", price: 1200 }],
    });
    const code = await aPromotion(null, { kind: "amount_off", percentOff: null, amountOff: 400 });
    const buyer = await signUp();
    await addToCart(buyer, listing.id, { quantity: 2, coverOptionId: listing.coverOptions[0]!.id });
    const cart = await (
      await api("/v1/cart/promotions", json({ code: code.code }, { headers: buyer.auth }))
    ).json<CartBody>();

    expect(cart.lines[0]).toMatchObject({
      listingId: listing.id,
      sellerId: seller.sellerId,
      quantity: 2,
      coverOption: { name: "Leather", kind: "material", price: eur(1200) },
      unitPrice: eur(1500),
      priceSeen: eur(1500),
      priceChanged: false,
      available: 3,
      purchasable: true,
      lineTotal: eur(5400),
      discountTotal: eur(400),
      total: eur(5000),
    });
    expect(cart.sellers).toEqual([
      {
        sellerId: seller.sellerId,
        storeName: "Alice Books",
        subtotal: eur(5400),
        itemCount: 2,
        discountTotal: eur(400),
        sellerFundedDiscount: eur(0),
        platformFundedDiscount: eur(400),
        total: eur(5000),
      },
    ]);
    expect([cart.subtotal, cart.itemCount, cart.discountTotal, cart.total, cart.tax]).toEqual([
      eur(5400),
      2,
      eur(400),
      eur(5000),
      null,
    ]);
  });

  it("keeps a code that stopped applying and says why: expired since, or the cart fell below its minimum", async () => {
    const seller = await asSeller();
    const [big, small] = [await listBook(seller, { price: 2500 }), await listBook(seller, { price: 900 })];
    const [lapsing, minimum] = [
      await aPromotion(null, { stackable: true }),
      await aPromotion(null, { stackable: true, minimumSpend: 3000 }),
    ];
    const buyer = await signUp();
    await addToCart(buyer, big.id);
    const { lineId } = await (
      await api("/v1/cart/items", json({ listingId: small.id }, { headers: buyer.auth }))
    ).json<{ lineId: string }>();
    for (const code of [lapsing, minimum]) {
      expect((await api("/v1/cart/promotions", json({ code: code.code }, { headers: buyer.auth }))).status).toBe(200);
    }

    await changePromotion(lapsing.id, { validUntil: Date.now() - 1000 });
    await api(`/v1/cart/items/${lineId}`, { method: "DELETE", headers: buyer.auth });
    const cart = await cartOf(buyer);
    expect(cart.codes).toEqual([
      { code: lapsing.code, applied: false, reason: "promotion_expired", detail: `${lapsing.code} has ended.` },
      {
        code: minimum.code,
        applied: false,
        reason: "minimum_not_met",
        detail: `${minimum.code} needs 30.00 EUR of qualifying books; the cart has 25.00 EUR.`,
      },
    ]);
    expect([cart.promotions, cart.discountTotal, cart.total]).toEqual([[], eur(0), eur(2500)]);

    // Entering a kept code that no longer applies says why again, and leaves it as it was.
    const again = await api("/v1/cart/promotions", json({ code: lapsing.code }, { headers: buyer.auth }));
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({ code: "promotion_expired" });
    expect((await cartOf(buyer)).codes.map((entry) => entry.code)).toEqual([lapsing.code, minimum.code]);
  });

  it("takes the destination from the query, any case, and a region's own rate where it has one", async () => {
    await taxRatesFor("US", [{ taxClass: "books", rate: 0, name: "No sales tax" }]);
    await taxRatesFor("US", [{ taxClass: "books", rate: 725, name: "CA sales tax" }], "CA");
    const listing = await listBook(await asSeller(), { price: 1000 });
    const buyer = await signUp();
    await addToCart(buyer, listing.id);

    expect((await cartOf(buyer, "?country=us")).tax).toEqual({
      country: "US",
      region: null,
      lines: [{ taxClass: "books", rate: 0, name: "No sales tax", taxable: eur(1000), tax: eur(0) }],
      total: eur(0),
    });
    // 1000 × 725 / 10725 = 67.60
    expect((await cartOf(buyer, "?country=US&region=ca")).tax).toEqual({
      country: "US",
      region: "CA",
      lines: [{ taxClass: "books", rate: 725, name: "CA sales tax", taxable: eur(1000), tax: eur(68) }],
      total: eur(68),
    });
  });
});
