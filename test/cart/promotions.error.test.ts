import { describe, expect, it } from "vitest";
import type { CartBody } from "../../workers/cart/schemas";
import { api, asSeller, json, signUp, type TestAccount } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart } from "../support/orders";
import { aPromotion, aUse } from "../support/promotion-rows";

interface Problem {
  status: number;
  code: string;
  detail: string;
  promotionCode?: string;
  minimumSpend?: { amount: number; currency: string };
  spend?: { amount: number; currency: string };
}

const enter = (code: unknown, headers: Record<string, string>, query = "") =>
  api(`/v1/cart/promotions${query}`, json({ code }, { headers }));

async function refusal(response: Response, code: string): Promise<Problem> {
  expect(response.status).toBe(422);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const problem = await response.json<Problem>();
  expect(problem).toMatchObject({ status: 422, code });
  return problem;
}

/** A buyer with one book of `price` in the cart. */
async function buyerWithBook(price = 1500): Promise<TestAccount> {
  const listing = await listBook(await asSeller(), { price });
  const buyer = await signUp();
  await addToCart(buyer, listing.id);
  return buyer;
}

const codesOf = async (buyer: TestAccount) =>
  (await (await api("/v1/cart", { headers: buyer.auth })).json<CartBody>()).codes;

describe("cart promotions (errors)", () => {
  it("refuses an expired code with promotion_expired, and does not keep it", async () => {
    const buyer = await buyerWithBook();
    const ended = await aPromotion(null, { validFrom: Date.now() - 86_400_000, validUntil: Date.now() - 1000 });
    const problem = await refusal(await enter(ended.code, buyer.auth), "promotion_expired");
    expect(problem).toMatchObject({ promotionCode: ended.code, detail: `${ended.code} has ended.` });
    const stopped = await aPromotion(null, { status: "ended" });
    await refusal(await enter(stopped.code, buyer.auth), "promotion_expired");
    expect(await codesOf(buyer)).toEqual([]);
  });

  it("refuses an unknown code, and another seller's code, with promotion_not_applicable", async () => {
    const buyer = await buyerWithBook();
    const unknown = await refusal(await enter("NOSUCHCODE", buyer.auth), "promotion_not_applicable");
    expect(unknown.detail).toBe("NOSUCHCODE is not a promotion that applies to the books in this cart.");
    const elsewhere = await aPromotion(await asSeller());
    await refusal(await enter(elsewhere.code, buyer.auth), "promotion_not_applicable");
    const notYet = await aPromotion(null, { validFrom: Date.now() + 86_400_000 });
    await refusal(await enter(notYet.code, buyer.auth), "promotion_not_applicable");
    expect(await codesOf(buyer)).toEqual([]);
  });

  it("refuses a code on an empty cart with promotion_not_applicable", async () => {
    const code = await aPromotion(null);
    await refusal(await enter(code.code, (await signUp()).auth), "promotion_not_applicable");
  });

  it("says how far the qualifying books fall short of a minimum spend (minimum_not_met)", async () => {
    const buyer = await buyerWithBook(1500);
    const spring = await aPromotion(null, { minimumSpend: 2000 });
    const problem = await refusal(await enter(spring.code, buyer.auth), "minimum_not_met");
    expect(problem).toMatchObject({
      detail: `${spring.code} needs 20.00 EUR of qualifying books; the cart has 15.00 EUR.`,
      minimumSpend: { amount: 2000, currency: "EUR" },
      spend: { amount: 1500, currency: "EUR" },
    });
    expect(await codesOf(buyer)).toEqual([]);
  });

  it("refuses a code used up, in total or by this buyer, with usage_limit_reached", async () => {
    const buyer = await buyerWithBook();
    const usedUp = await aPromotion(null, { usageLimit: 100, usesHeld: 100 });
    await refusal(await enter(usedUp.code, buyer.auth), "usage_limit_reached");

    const oncePerBuyer = await aPromotion(null, { perBuyerLimit: 1 });
    await aUse(oncePerBuyer.id, buyer);
    await refusal(await enter(oncePerBuyer.code, buyer.auth), "usage_limit_reached");
    // A guest is not known yet: the per-buyer limit waits for the checkout.
    const listing = await listBook(await asSeller());
    const guest = await api("/v1/cart/items", json({ listingId: listing.id }));
    const token = guest.headers.get("x-cart-token")!;
    expect((await enter(oncePerBuyer.code, { "x-cart-token": token })).status).toBe(200);
  });

  it("refuses a second code unless both stack (promotion_not_stackable), keeping the first", async () => {
    const buyer = await buyerWithBook(5000);
    const [first, second] = [await aPromotion(null), await aPromotion(null, { stackable: true })];
    expect((await enter(first.code, buyer.auth)).status).toBe(200);
    const problem = await refusal(await enter(second.code, buyer.auth), "promotion_not_stackable");
    expect(problem.detail).toBe(
      `${second.code} cannot be combined with ${first.code}: an order takes one code unless every code is stackable.`,
    );
    expect(await codesOf(buyer)).toEqual([{ code: first.code, applied: true, reason: null, detail: null }]);
  });

  it("holds at most five codes (too_many_codes)", async () => {
    const buyer = await buyerWithBook(10_000);
    for (let i = 0; i < 5; i++) {
      const code = await aPromotion(null, { percentOff: 1, stackable: true });
      expect((await enter(code.code, buyer.auth)).status).toBe(200);
    }
    const sixth = await aPromotion(null, { percentOff: 1, stackable: true });
    const response = await enter(sixth.code, buyer.auth);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: "too_many_codes", maxCodes: 5 });
    expect(await codesOf(buyer)).toHaveLength(5);
  });

  it("answers 404 for a code the cart does not hold", async () => {
    const buyer = await buyerWithBook();
    const response = await api("/v1/cart/promotions/SPRING10", { method: "DELETE", headers: buyer.auth });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "not_found", promotionCode: "SPRING10" });
  });

  it("answers bad input with 400: no code, a malformed code, a malformed destination", async () => {
    const buyer = await buyerWithBook();
    for (const body of [{}, { code: "" }, { code: "SPRING 10" }, { code: "x".repeat(65) }, { code: 10 }]) {
      const response = await api("/v1/cart/promotions", json(body, { headers: buyer.auth }));
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await response.json()).toMatchObject({ code: "validation_failed" });
    }
    expect((await api("/v1/cart/promotions/NOT%20A%20CODE", { method: "DELETE", headers: buyer.auth })).status).toBe(
      400,
    );
    for (const query of ["?country=DEU", "?country=1", "?region=CA", "?country=US&region=CALIF"]) {
      const response = await api(`/v1/cart${query}`, { headers: buyer.auth });
      expect(response.status, query).toBe(400);
      expect(await response.json()).toMatchObject({ code: "validation_failed" });
    }
  });
});
