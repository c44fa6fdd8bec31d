import { describe, expect, it } from "vitest";
import type { CartBody } from "../../workers/cart/schemas";
import { eventually } from "../support/eventually";
import { api, asSeller, json, signUp, type TestAccount } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, paidOrder } from "../support/orders";
import { aPromotion, GERMAN_VAT, taxRatesFor } from "../support/promotion-rows";

const eur = (amount: number) => ({ amount, currency: "EUR" });

const cartOf = async (buyer: TestAccount, query = "") =>
  (await api(`/v1/cart${query}`, { headers: buyer.auth })).json<CartBody>();

const enter = (code: string, headers: Record<string, string>, query = "") =>
  api(`/v1/cart/promotions${query}`, json({ code }, { headers }));

const sum = (amounts: { amount: number }[]) => amounts.reduce((total, money) => total + money.amount, 0);

describe("cart promotions (happy paths)", () => {
  it("applies a marketplace code: 10% off the books, on each line and per seller, covers left whole", async () => {
    const [alice, bob] = [await asSeller(), await asSeller()];
    const leatherBound = await listBook(alice, {
      price: 1500,
      coverOptions: [{ name: "Leather", kind: "material", price: 500 }],
    });
    const paperback = await listBook(bob, { price: 1200 });
    const spring = await aPromotion(null, { name: "Spring sale", minimumSpend: 2000 });
    const buyer = await signUp();
    await addToCart(buyer, leatherBound.id, { coverOptionId: leatherBound.coverOptions[0]!.id });
    await addToCart(buyer, paperback.id);

    const applied = await enter(`  ${spring.code!.toLowerCase()} `, buyer.auth);
    expect(applied.status).toBe(200);
    const cart = await applied.json<CartBody>();
    // 10% of the books (1500 + 1200), split pro rata: 150 and 120; the cover is not discounted.
    expect(cart.lines.map((line) => [line.lineTotal.amount, line.discountTotal.amount, line.total.amount])).toEqual([
      [2000, 150, 1850],
      [1200, 120, 1080],
    ]);
    expect(cart.lines[0]!.discounts).toEqual([
      { promotionId: spring.id, code: spring.code, name: "Spring sale", fundedBy: "platform", amount: eur(150) },
    ]);
    expect(
      cart.sellers.map((seller) => [
        seller.sellerId,
        seller.subtotal.amount,
        seller.discountTotal.amount,
        seller.platformFundedDiscount.amount,
        seller.sellerFundedDiscount.amount,
        seller.total.amount,
      ]),
    ).toEqual([
      [alice.sellerId, 2000, 150, 150, 0, 1850],
      [bob.sellerId, 1200, 120, 120, 0, 1080],
    ]);
    expect(cart.promotions).toEqual([
      {
        promotionId: spring.id,
        code: spring.code,
        name: "Spring sale",
        kind: "percent_off",
        fundedBy: "platform",
        sellerId: null,
        amount: eur(270),
      },
    ]);
    expect(cart.codes).toEqual([{ code: spring.code, applied: true, reason: null, detail: null }]);
    expect([cart.subtotal, cart.discountTotal, cart.total]).toEqual([eur(3200), eur(270), eur(2930)]);

    // The cart keeps the code: the next read shows the same.
    expect(await cartOf(buyer)).toEqual(cart);
  });

  it("applies a seller's buy 1 get 1 free by itself on their two paperbacks, and not on another seller's", async () => {
    const [alice, bob] = [await asSeller(), await asSeller()];
    const bogo = await aPromotion(alice, {
      name: "Buy 1 get 1 free",
      code: null,
      kind: "buy_x_get_y",
      percentOff: null,
      buyQuantity: 1,
      getQuantity: 1,
      targets: { listingIds: [], categoryIds: [], conditions: [], formats: ["paperback"] },
    });
    const [dearer, cheaper] = [await listBook(alice, { price: 1500 }), await listBook(alice, { price: 1000 })];
    const atBob = await listBook(bob, { price: 800, quantity: 2 });
    const buyer = await signUp();
    for (const listing of [dearer, cheaper]) await addToCart(buyer, listing.id);
    await addToCart(buyer, atBob.id, { quantity: 2 });

    const cart = await cartOf(buyer);
    expect(cart.lines.map((line) => [line.listingId, line.discountTotal.amount, line.total.amount])).toEqual([
      [dearer.id, 0, 1500],
      [cheaper.id, 1000, 0],
      [atBob.id, 0, 1600],
    ]);
    expect(cart.lines[1]!.discounts).toEqual([
      { promotionId: bogo.id, code: null, name: "Buy 1 get 1 free", fundedBy: "seller", amount: eur(1000) },
    ]);
    expect(cart.promotions).toMatchObject([
      { promotionId: bogo.id, kind: "buy_x_get_y", fundedBy: "seller", sellerId: alice.sellerId, amount: eur(1000) },
    ]);
    const bySeller = new Map(cart.sellers.map((seller) => [seller.sellerId, seller]));
    expect(bySeller.get(alice.sellerId)).toMatchObject({
      discountTotal: eur(1000),
      sellerFundedDiscount: eur(1000),
      platformFundedDiscount: eur(0),
      total: eur(1500),
    });
    expect(bySeller.get(bob.sellerId)).toMatchObject({ discountTotal: eur(0), total: eur(1600) });
    expect(cart.codes).toEqual([]);
  });

  it("adds up to the cent: a seller's bundle, a code and covers across two sellers, with German VAT per rate", async () => {
    await taxRatesFor("DE", GERMAN_VAT);
    const [alice, bob] = [await asSeller(), await asSeller()];
    await aPromotion(alice, {
      code: null,
      kind: "buy_x_get_y",
      percentOff: null,
      buyQuantity: 1,
      getQuantity: 1,
      targets: { listingIds: [], categoryIds: [], conditions: [], formats: ["paperback"] },
    });
    const spring = await aPromotion(null, { minimumSpend: 2000 });
    const first = await listBook(alice, { price: 1299 });
    const second = await listBook(alice, { price: 999 });
    const custom = await listBook(bob, {
      price: 1850,
      quantity: 3,
      coverOptions: [{ name: "Gold foil", kind: "inscription", price: 650, maxLength: 20 }],
    });
    const plain = await listBook(bob, { price: 733, quantity: 3 });
    const buyer = await signUp();
    await addToCart(buyer, first.id);
    await addToCart(buyer, second.id);
    await addToCart(buyer, custom.id, { coverOptionId: custom.coverOptions[0]!.id, inscription: "For Ada" });
    await addToCart(buyer, plain.id, { quantity: 3 });

    const response = await enter(spring.code!, buyer.auth, "?country=de");
    expect(response.status).toBe(200);
    const cart = await response.json<CartBody>();
    for (const line of cart.lines) {
      expect(sum(line.discounts.map((discount) => discount.amount))).toBe(line.discountTotal.amount);
      expect(line.total.amount).toBe(line.lineTotal.amount - line.discountTotal.amount);
    }
    for (const seller of cart.sellers) {
      const own = cart.lines.filter((line) => line.sellerId === seller.sellerId);
      expect(sum(own.map((line) => line.discountTotal))).toBe(seller.discountTotal.amount);
      expect(seller.sellerFundedDiscount.amount + seller.platformFundedDiscount.amount).toBe(
        seller.discountTotal.amount,
      );
      expect(seller.total.amount).toBe(seller.subtotal.amount - seller.discountTotal.amount);
    }
    expect(sum(cart.sellers.map((seller) => seller.discountTotal))).toBe(cart.discountTotal.amount);
    expect(sum(cart.promotions.map((promotion) => promotion.amount))).toBe(cart.discountTotal.amount);
    expect(cart.total.amount).toBe(cart.subtotal.amount - cart.discountTotal.amount);
    // BOGO: the 9.99 copy is free; then 10% of what is left of the books (12.99 + 18.50 + 3 × 7.33 = 53.48): 5.35.
    expect(cart.promotions.map((promotion) => promotion.amount.amount)).toEqual([999, 535]);

    // Prices include the tax: books at 7%, the cover at 19%, each seller's part broken out on its own.
    const tax = cart.tax!;
    expect(tax).toMatchObject({ country: "DE", region: null });
    expect(tax.lines.map((line) => [line.taxClass, line.rate, line.name])).toEqual([
      ["books", 700, "USt 7%"],
      ["standard", 1900, "USt 19%"],
    ]);
    expect(sum(tax.lines.map((line) => line.taxable))).toBe(cart.total.amount);
    expect(tax.lines[1]!.taxable).toEqual(eur(650));
    expect(tax.lines[1]!.tax).toEqual(eur(104)); // 650 × 1900 / 11900 = 103.78
    const booksPaid = cart.sellers.map(
      (seller) =>
        seller.total.amount -
        sum(
          cart.lines
            .filter((line) => line.sellerId === seller.sellerId)
            .map((line) => line.coverOption?.price ?? eur(0)),
        ),
    );
    expect(tax.lines[0]!.tax.amount).toBe(sum(booksPaid.map((paid) => eur(Math.round((paid * 700) / 10_700)))));
    expect(tax.total.amount).toBe(tax.lines[0]!.tax.amount + 104);
  });

  it("breaks out the tax per rate only for a destination, to the cent", async () => {
    await taxRatesFor("DE", GERMAN_VAT);
    const seller = await asSeller();
    const listing = await listBook(seller, {
      price: 1200,
      coverOptions: [{ name: "Linen", kind: "material", price: 500 }],
    });
    const buyer = await signUp();
    await addToCart(buyer, listing.id, { coverOptionId: listing.coverOptions[0]!.id });

    expect((await cartOf(buyer)).tax).toBeNull();
    expect((await cartOf(buyer, "?country=DE")).tax).toEqual({
      country: "DE",
      region: null,
      lines: [
        // 1200 × 700 / 10700 = 78.50 and 500 × 1900 / 11900 = 79.83
        { taxClass: "books", rate: 700, name: "USt 7%", taxable: eur(1200), tax: eur(79) },
        { taxClass: "standard", rate: 1900, name: "USt 19%", taxable: eur(500), tax: eur(80) },
      ],
      total: eur(159),
    });
  });

  it("takes a code out again, in any case, and the discount with it", async () => {
    const listing = await listBook(await asSeller(), { price: 2500 });
    const code = await aPromotion(null, { kind: "amount_off", percentOff: null, amountOff: 500 });
    const buyer = await signUp();
    await addToCart(buyer, listing.id);
    expect((await enter(code.code!, buyer.auth)).status).toBe(200);
    expect((await cartOf(buyer)).discountTotal).toEqual(eur(500));

    const removed = await api(`/v1/cart/promotions/${code.code!.toLowerCase()}`, {
      method: "DELETE",
      headers: buyer.auth,
    });
    expect(removed.status).toBe(200);
    const cart = await removed.json<CartBody>();
    expect([cart.codes, cart.promotions, cart.discountTotal, cart.total]).toEqual([[], [], eur(0), eur(2500)]);
    expect((await cartOf(buyer)).codes).toEqual([]);
  });

  it("answers a code entered again as it stands, without keeping it twice", async () => {
    const listing = await listBook(await asSeller(), { price: 2000 });
    const code = await aPromotion(null);
    const buyer = await signUp();
    await addToCart(buyer, listing.id);
    const first = await (await enter(code.code!, buyer.auth)).json<CartBody>();
    const again = await enter(code.code!.toLowerCase(), buyer.auth);
    expect(again.status).toBe(200);
    expect(await again.json<CartBody>()).toEqual(first);
    expect((await cartOf(buyer)).codes).toEqual([{ code: code.code, applied: true, reason: null, detail: null }]);
  });

  it("stacks codes marked stackable, each on what the one before left", async () => {
    const listing = await listBook(await asSeller(), { price: 10_000 });
    const [tenOff, fivePercent] = [
      await aPromotion(null, { kind: "amount_off", percentOff: null, amountOff: 1000, stackable: true }),
      await aPromotion(null, { percentOff: 5, stackable: true }),
    ];
    const buyer = await signUp();
    await addToCart(buyer, listing.id);
    expect((await enter(tenOff.code!, buyer.auth)).status).toBe(200);
    const cart = await (await enter(fivePercent.code!, buyer.auth)).json<CartBody>();
    expect(cart.promotions.map((promotion) => [promotion.code, promotion.amount.amount])).toEqual([
      [tenOff.code, 1000],
      [fivePercent.code, 450],
    ]);
    expect(cart.codes.map((entry) => [entry.code, entry.applied])).toEqual([
      [tenOff.code, true],
      [fivePercent.code, true],
    ]);
  });

  it("lets a guest cart hold a code, which joins the user's cart at login", async () => {
    const listing = await listBook(await asSeller(), { price: 3000 });
    const code = await aPromotion(null);
    const buyer = await signUp();
    const added = await api("/v1/cart/items", json({ listingId: listing.id }));
    const token = added.headers.get("x-cart-token")!;
    const guestCart = await enter(code.code!, { "x-cart-token": token });
    expect(guestCart.status).toBe(200);
    expect((await guestCart.json<CartBody>()).discountTotal).toEqual(eur(300));

    const login = await api(
      "/v1/auth/login",
      json(
        { email: buyer.email, password: buyer.password },
        { headers: { "x-cart-token": token, "cf-connecting-ip": "10.9.9.17" } },
      ),
    );
    expect(login.status).toBe(200);
    const { accessToken } = await login.json<{ accessToken: string }>();
    const merged = await (
      await api("/v1/cart", { headers: { authorization: `Bearer ${accessToken}` } })
    ).json<CartBody>();
    expect(merged.codes).toEqual([{ code: code.code, applied: true, reason: null, detail: null }]);
    expect(merged.discountTotal).toEqual(eur(300));
    const emptied = await (await api("/v1/cart", { headers: { "x-cart-token": token } })).json<CartBody>();
    expect([emptied.lines, emptied.codes]).toEqual([[], []]);
  });

  it("forgets the codes when the cart is emptied", async () => {
    const listing = await listBook(await asSeller(), { price: 2000, quantity: 2 });
    const code = await aPromotion(null);
    const buyer = await signUp();
    await addToCart(buyer, listing.id);
    await enter(code.code!, buyer.auth);
    expect((await api("/v1/cart", { method: "DELETE", headers: buyer.auth })).status).toBe(204);
    await addToCart(buyer, listing.id);
    const cart = await cartOf(buyer);
    expect([cart.codes, cart.discountTotal]).toEqual([[], eur(0)]);
  });

  it("forgets the codes once the order is paid, with the books", async () => {
    const listing = await listBook(await asSeller(), { price: 2000 });
    const code = await aPromotion(null);
    const buyer = await signUp();
    await addToCart(buyer, listing.id);
    expect((await enter(code.code!, buyer.auth)).status).toBe(200);
    await paidOrder(buyer);
    const cart = await eventually(async () => {
      const read = await cartOf(buyer);
      return read.lines.length === 0 ? read : undefined;
    });
    expect(cart.codes).toEqual([]);
  });
});
