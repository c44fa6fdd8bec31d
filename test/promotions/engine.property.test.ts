import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate } from "../../workers/lib/money";
import { applyPromotions, type Offer, type PricingLine } from "../../workers/promotions/engine";
import { NOW, offer } from "../support/offers";

const SELLERS = ["sel_a", "sel_b"];

const line = fc.record({
  sellerId: fc.constantFrom(...SELLERS),
  quantity: fc.integer({ min: 1, max: 5 }),
  unitPrice: fc.integer({ min: 0, max: 20_000 }),
  coverPrice: fc.integer({ min: 0, max: 2_000 }),
  format: fc.constantFrom("paperback", "hardcover"),
  condition: fc.constantFrom("new", "good"),
});
const lines = fc.array(line, { minLength: 1, maxLength: 6 }).map((drawn) =>
  drawn.map(
    (l, index): PricingLine => ({
      ...l,
      lineId: `lin_${index}`,
      listingId: `lst_${index % 3}`,
      categoryIds: index % 2 === 0 ? ["cat_fiction"] : ["cat_poetry"],
    }),
  ),
);

const anyOffer = fc
  .record({
    sellerId: fc.constantFrom(null, ...SELLERS),
    kind: fc.constantFrom("percent_off", "amount_off", "buy_x_get_y", "fixed_price_bundle") as fc.Arbitrary<
      Offer["kind"]
    >,
    percentOff: fc.integer({ min: 1, max: 100 }),
    amountOff: fc.integer({ min: 1, max: 50_000 }),
    buyQuantity: fc.integer({ min: 1, max: 3 }),
    getQuantity: fc.integer({ min: 1, max: 2 }),
    bundleQuantity: fc.integer({ min: 2, max: 4 }),
    bundlePrice: fc.integer({ min: 0, max: 30_000 }),
    minimumSpend: fc.constantFrom(0, 0, 2_000, 10_000),
    stackable: fc.boolean(),
    format: fc.constantFrom(null, "paperback"),
  })
  .map(({ format, ...drawn }) =>
    offer({
      ...drawn,
      fundedBy: drawn.sellerId ? "seller" : "platform",
      targets: { listingIds: [], categoryIds: [], conditions: [], formats: format ? [format] : [] },
    }),
  );

const offers = fc.record({
  automatic: fc.array(anyOffer, { maxLength: 4 }).map((drawn) => drawn.map((o, i) => ({ ...o, id: `prm_auto${i}` }))),
  codes: fc
    .array(anyOffer, { maxLength: 3 })
    .map((drawn) => drawn.map((o, i) => ({ ...o, id: `prm_code${i}`, code: `CODE${i}` }))),
});

const booksOf = (l: PricingLine) => l.unitPrice * l.quantity;

describe("the discount engine, on any cart and any promotions", () => {
  it("never takes a line below zero and discounts only books", () => {
    fc.assert(
      fc.property(lines, offers, (cart, drawn) => {
        const pricing = applyPromotions(cart, drawn, NOW);
        for (const l of cart) {
          const off = (pricing.discounts.get(l.lineId) ?? []).reduce((sum, d) => sum + d.amount, 0);
          expect(off).toBeGreaterThanOrEqual(0);
          expect(off).toBeLessThanOrEqual(booksOf(l));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("allocates every promotion's amount to lines exactly, and only to lines it qualifies for", () => {
    fc.assert(
      fc.property(lines, offers, (cart, drawn) => {
        const pricing = applyPromotions(cart, drawn, NOW);
        for (const applied of pricing.applied) {
          const shares = [...applied.lines.values()].reduce((a, b) => a + b, 0);
          expect(shares).toBe(applied.amount);
          const onLines = cart.flatMap((l) =>
            (pricing.discounts.get(l.lineId) ?? []).filter((d) => d.promotionId === applied.offer.id),
          );
          expect(onLines.reduce((sum, d) => sum + d.amount, 0)).toBe(applied.amount);
          for (const l of cart) {
            if (applied.offer.sellerId && l.sellerId !== applied.offer.sellerId) {
              expect(applied.lines.get(l.lineId) ?? 0).toBe(0);
            }
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("applies at most one non-stackable automatic promotion per owner, and one code unless all are stackable", () => {
    fc.assert(
      fc.property(lines, offers, (cart, drawn) => {
        const pricing = applyPromotions(cart, drawn, NOW);
        const automatic = pricing.applied.filter((a) => a.offer.code === null && !a.offer.stackable);
        const owners = automatic.map((a) => a.offer.sellerId);
        expect(new Set(owners).size).toBe(owners.length);
        const codes = pricing.applied.filter((a) => a.offer.code !== null);
        if (codes.length > 1) expect(codes.every((a) => a.offer.stackable)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe("allocate", () => {
  it("splits any total over any weights exactly, no part above its weight", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 }),
        fc.nat(),
        (weights, seed) => {
          const sum = weights.reduce((a, b) => a + b, 0);
          const total = sum === 0 ? seed % 1000 : seed % (sum + 1);
          const parts = allocate(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          if (sum > 0) for (const [i, part] of parts.entries()) expect(part).toBeLessThanOrEqual(weights[i]!);
          for (const part of parts) expect(part).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
