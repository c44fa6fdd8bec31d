import { beforeAll, describe, expect, it } from "vitest";
import type { PricingLine } from "../../workers/promotions";
import { priceLines } from "../../workers/promotions";
import { asAdmin, asSeller, signUp, type TestAccount, type TestSeller } from "../support/identity";
import { listBook, type TestListing } from "../support/listings";
import { changePromotion, eur, promotionsTestContext, runPromotion } from "../support/promotions";

/** What the API creates is what the pricing service applies: promotions made through the routes change prices. */

let seller: TestSeller;
let other: TestSeller;
let admin: TestAccount;
let buyer: TestAccount;
let paperback: TestListing;
let othersBook: TestListing;

beforeAll(async () => {
  [seller, other, admin, buyer] = await Promise.all([asSeller(), asSeller(), asAdmin(), signUp()]);
  [paperback, othersBook] = await Promise.all([listBook(seller), listBook(other)]);
});

const line = (lineId: string, listing: TestListing, sellerId: string, quantity: number, unitPrice: number) =>
  ({
    lineId,
    listingId: listing.id,
    sellerId,
    quantity,
    unitPrice,
    coverPrice: 0,
    categoryIds: [],
    condition: "very_good",
    format: "paperback",
  }) satisfies PricingLine;

const price = (lines: PricingLine[], codes: string[] = []) =>
  priceLines(promotionsTestContext(), { buyerId: buyer.userId, lines, codes, now: Date.now() });

describe("promotions created through the API price carts", () => {
  it("a seller's automatic buy 1 get 1 free makes the second copy free, on that seller's lines only", async () => {
    const bogof = await runPromotion(seller, {
      name: "Buy 1 get 1 free on paperbacks",
      kind: "buy_x_get_y",
      buyQuantity: 1,
      getQuantity: 1,
      targets: { listingIds: [paperback.id], formats: ["paperback"] },
    });
    const pricing = await price([
      line("own", paperback, seller.sellerId, 2, 1200),
      line("others", othersBook, other.sellerId, 2, 1200),
    ]);
    expect(pricing.discounts.get("own")).toEqual([
      { promotionId: bogof.id, code: null, name: bogof.name, fundedBy: "seller", amount: 1200 },
    ]);
    expect(pricing.discounts.has("others")).toBe(false);

    await changePromotion(seller, bogof.id, { status: "paused" });
    expect((await price([line("own", paperback, seller.sellerId, 2, 1200)])).discounts.size).toBe(0);
  });

  it("an admin's code applies once the minimum spend is met, platform-funded, and is refused below it", async () => {
    const spring = `SPRING10-${crypto.randomUUID().slice(0, 6).toUpperCase()}`;
    const created = await runPromotion(
      admin,
      {
        name: "Spring ten",
        code: spring,
        kind: "percent_off",
        percentOff: 10,
        minimumSpend: eur(2000),
        usageLimit: 100,
      },
      "admin",
    );
    const met = await price([line("two", othersBook, other.sellerId, 2, 1200)], [spring.toLowerCase()]);
    expect(met.applied.map((applied) => [applied.offer.id, applied.amount])).toEqual([[created.id, 240]]);
    expect(met.discounts.get("two")?.[0]).toMatchObject({ code: spring, fundedBy: "platform", amount: 240 });

    const short = await price([line("one", othersBook, other.sellerId, 1, 1200)], [spring]);
    expect(short.refused).toMatchObject([{ code: spring, reason: "minimum_not_met" }]);
  });

  it("an ended code is refused as expired, never applied", async () => {
    const code = `GONE-${crypto.randomUUID().slice(0, 6).toUpperCase()}`;
    const created = await runPromotion(admin, { name: "Gone", code, kind: "amount_off", amountOff: eur(500) }, "admin");
    await changePromotion(admin, created.id, { status: "ended" }, "admin");
    const pricing = await price([line("one", othersBook, other.sellerId, 1, 1200)], [code]);
    expect(pricing.applied).toEqual([]);
    expect(pricing.refused).toEqual([{ code, reason: "promotion_expired" }]);
  });
});
