import { describe, expect, it } from "vitest";
import { applyPromotions, type Offer, type PricingLine } from "../../workers/promotions/engine";
import { NOW, offer } from "../support/offers";

function book(lineId: string, unitPrice: number, overrides: Partial<PricingLine> = {}): PricingLine {
  return {
    lineId,
    listingId: `lst_${lineId}`,
    sellerId: "sel_a",
    quantity: 1,
    unitPrice,
    coverPrice: 0,
    categoryIds: ["cat_fiction"],
    condition: "new",
    format: "paperback",
    ...overrides,
  };
}

const off = (pricing: ReturnType<typeof applyPromotions>, lineId: string) =>
  (pricing.discounts.get(lineId) ?? []).reduce((sum, d) => sum + d.amount, 0);

const bogo = offer({
  id: "prm_bogo",
  sellerId: "sel_a",
  fundedBy: "seller",
  kind: "buy_x_get_y",
  buyQuantity: 1,
  getQuantity: 1,
});
const spring = offer({ id: "prm_spring", code: "SPRING10", kind: "percent_off", percentOff: 10, minimumSpend: 2000 });

describe("each kind of promotion, to the cent", () => {
  it("buy 1 get 1 free: the cheaper of two copies is free, one of three, two of four", () => {
    const two = applyPromotions([book("a", 1000), book("b", 800)], { automatic: [bogo], codes: [] }, NOW);
    expect([off(two, "a"), off(two, "b")]).toEqual([0, 800]);
    const three = applyPromotions([book("a", 1000, { quantity: 3 })], { automatic: [bogo], codes: [] }, NOW);
    expect(off(three, "a")).toBe(1000);
    const four = applyPromotions([book("a", 999, { quantity: 4 })], { automatic: [bogo], codes: [] }, NOW);
    expect(off(four, "a")).toBe(1998);
  });

  it("buy 1 get 1 free needs two qualifying copies", () => {
    const one = applyPromotions([book("a", 1000)], { automatic: [bogo], codes: [] }, NOW);
    expect(one.applied).toEqual([]);
  });

  it("percent off: 10% of what is left after the automatic promotion, spread pro rata", () => {
    const cart = [book("a", 1000), book("b", 1000), book("c", 1500, { sellerId: "sel_b", coverPrice: 500 })];
    const pricing = applyPromotions(cart, { automatic: [bogo], codes: [spring] }, NOW);
    expect(off(pricing, "a")).toBe(100);
    expect(off(pricing, "b")).toBe(1000);
    expect(off(pricing, "c")).toBe(150);
    expect(pricing.applied.map((a) => [a.offer.id, a.amount])).toEqual([
      ["prm_bogo", 1000],
      ["prm_spring", 250],
    ]);
  });

  it("minimum spend counts what the qualifying books cost after earlier promotions", () => {
    const pricing = applyPromotions([book("a", 1000), book("b", 1000)], { automatic: [bogo], codes: [spring] }, NOW);
    expect(pricing.refused).toEqual([
      { code: "SPRING10", reason: "minimum_not_met", minimumSpend: spring.minimumSpend, spend: 1000 },
    ]);
  });

  it("amount off never exceeds the qualifying books", () => {
    const pricing = applyPromotions(
      [book("a", 300), book("b", 200)],
      { automatic: [], codes: [offer({ code: "FIVE", kind: "amount_off", amountOff: 5000 })] },
      NOW,
    );
    expect([off(pricing, "a"), off(pricing, "b")]).toEqual([300, 200]);
  });

  it("fixed-price bundle: any three for 20.00, the most valuable bundled first", () => {
    const bundle = offer({ kind: "fixed_price_bundle", bundleQuantity: 3, bundlePrice: 2000 });
    const pricing = applyPromotions(
      [book("a", 1200), book("b", 900, { quantity: 2 }), book("c", 500)],
      { automatic: [bundle], codes: [] },
      NOW,
    );
    // 12.00 + 9.00 + 9.00 = 30.00 → 20.00: 10.00 off those three; the 5.00 copy stays full price.
    expect(pricing.applied[0]!.amount).toBe(1000);
    expect(off(pricing, "c")).toBe(0);
    expect(off(pricing, "a") + off(pricing, "b")).toBe(1000);
  });

  it("targets: listings, categories, conditions and formats", () => {
    const cart = [
      book("a", 1000, { format: "hardcover" }),
      book("b", 1000, { condition: "good" }),
      book("c", 1000, { categoryIds: ["cat_poetry"] }),
    ];
    const by = (targets: Partial<Offer["targets"]>) =>
      applyPromotions(
        cart,
        {
          automatic: [
            offer({
              kind: "percent_off",
              percentOff: 50,
              targets: { listingIds: [], categoryIds: [], conditions: [], formats: [], ...targets },
            }),
          ],
          codes: [],
        },
        NOW,
      );
    expect(off(by({ formats: ["hardcover"] }), "a")).toBe(500);
    expect(off(by({ formats: ["hardcover"] }), "b")).toBe(0);
    expect(off(by({ conditions: ["good"] }), "b")).toBe(500);
    expect(off(by({ categoryIds: ["cat_poetry"] }), "c")).toBe(500);
    expect(off(by({ listingIds: ["lst_a"] }), "a")).toBe(500);
    expect(off(by({ listingIds: ["lst_a"] }), "c")).toBe(0);
  });

  it("a seller's promotion never touches another seller's lines", () => {
    const pricing = applyPromotions(
      [book("a", 1000), book("b", 1000, { sellerId: "sel_b" })],
      { automatic: [offer({ sellerId: "sel_b", fundedBy: "seller", kind: "percent_off", percentOff: 20 })], codes: [] },
      NOW,
    );
    expect([off(pricing, "a"), off(pricing, "b")]).toEqual([0, 200]);
  });
});

describe("conditions and stacking", () => {
  const cart = [book("a", 2000), book("b", 2000)];

  it("refuses a code past its end, before its start, paused, or used up", () => {
    const cases: [Partial<Offer>, string][] = [
      [{ validUntil: NOW - 1 }, "promotion_expired"],
      [{ status: "ended" }, "promotion_expired"],
      [{ validFrom: NOW + 1 }, "promotion_not_applicable"],
      [{ status: "paused" }, "promotion_not_applicable"],
      [{ usageLimit: 100, usesHeld: 100 }, "usage_limit_reached"],
      [{ perBuyerLimit: 1, buyerUses: 1 }, "usage_limit_reached"],
      [
        { targets: { listingIds: ["lst_other"], categoryIds: [], conditions: [], formats: [] } },
        "promotion_not_applicable",
      ],
    ];
    for (const [overrides, reason] of cases) {
      const pricing = applyPromotions(
        cart,
        { automatic: [], codes: [offer({ ...overrides, code: "X", percentOff: 10 })] },
        NOW,
      );
      expect(pricing.refused).toEqual([{ code: "X", reason }]);
    }
  });

  it("one code per order unless both are stackable", () => {
    const first = offer({ id: "prm_1", code: "ONE", percentOff: 10 });
    const second = offer({ id: "prm_2", code: "TWO", percentOff: 10 });
    const plain = applyPromotions(cart, { automatic: [], codes: [first, second] }, NOW);
    expect(plain.applied.map((a) => a.offer.code)).toEqual(["ONE"]);
    expect(plain.refused).toEqual([{ code: "TWO", reason: "promotion_not_stackable" }]);
    const stacked = applyPromotions(
      cart,
      {
        automatic: [],
        codes: [
          { ...first, stackable: true },
          { ...second, stackable: true },
        ],
      },
      NOW,
    );
    expect(stacked.applied.map((a) => a.amount)).toEqual([400, 360]);
  });

  it("the best automatic promotion of an owner applies alone unless others are marked stackable", () => {
    const small = offer({ id: "prm_small", percentOff: 5 });
    const big = offer({ id: "prm_big", percentOff: 15 });
    const extra = offer({ id: "prm_extra", kind: "amount_off", amountOff: 100, stackable: true });
    const pricing = applyPromotions(cart, { automatic: [small, big, extra], codes: [] }, NOW);
    expect(pricing.applied.map((a) => [a.offer.id, a.amount])).toEqual([
      ["prm_big", 600],
      ["prm_extra", 100],
    ]);
  });
});
