import { describe, expect, it } from "vitest";
import { asSeller, signUp, type TestAccount } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, type CheckoutBody, checkout, ordersOf, placeOrder, stockLevels } from "../support/orders";
import { enterCodes, insertPromotion, promotionById, updatePromotion } from "../support/pricing";
import { uniqueCode } from "../support/promotion-rows";

/** A buyer with one 12.00 book of a fresh seller in the cart. */
async function cartWithBook(price = 1200) {
  const seller = await asSeller();
  const listing = await listBook(seller, { quantity: 5, price });
  const buyer = await signUp();
  await addToCart(buyer, listing.id);
  return { seller, listing, buyer };
}

/** Checks out and expects a 422 with `code`, nothing ordered and no copy held. */
async function refused(buyer: TestAccount, listingId: string, code: string) {
  const response = await checkout(buyer);
  expect(response.status).toBe(422);
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  const problem = await response.json<{ code: string; detail: string; promotionCode?: string }>();
  expect(problem.code).toBe(code);
  expect(await ordersOf(buyer.userId)).toHaveLength(0);
  expect(await stockLevels(listingId)).toMatchObject({ held: 0, available: 5 });
  return problem;
}

describe("checkout with promotion codes (errors)", () => {
  it("refuses a code the cart holds that has expired since it was entered, with that reason", async () => {
    const { listing, buyer } = await cartWithBook();
    const code = uniqueCode("AUTUMN");
    const promotion = await insertPromotion({ code, kind: "percent_off", percentOff: 10 });
    await enterCodes(buyer, [code]);
    await updatePromotion(promotion.id, { validUntil: Date.now() - 1 });
    const problem = await refused(buyer, listing.id, "promotion_expired");
    expect(problem.promotionCode).toBe(code);
    expect(problem.detail).toContain(`DELETE /v1/cart/promotions/${code}`);
  });

  it("refuses a code whose minimum spend the cart no longer reaches", async () => {
    const { listing, buyer } = await cartWithBook(1500);
    const code = uniqueCode("BIGSPEND");
    const promotion = await insertPromotion({ code, kind: "amount_off", amountOff: 500, minimumSpend: 1000 });
    await enterCodes(buyer, [code]);
    await updatePromotion(promotion.id, { minimumSpend: 2000 });
    await refused(buyer, listing.id, "minimum_not_met");
  });

  it("refuses a code whose promotion was paused, or moved to other books, since it was entered", async () => {
    const { listing, buyer } = await cartWithBook();
    const code = uniqueCode("PAUSED");
    const promotion = await insertPromotion({ code, kind: "percent_off", percentOff: 20 });
    await enterCodes(buyer, [code]);
    await updatePromotion(promotion.id, { status: "paused" });
    await refused(buyer, listing.id, "promotion_not_applicable");

    await updatePromotion(promotion.id, {
      status: "active",
      targets: { listingIds: [`lst_${"0".repeat(32)}`], categoryIds: [], conditions: [], formats: [] },
    });
    await refused(buyer, listing.id, "promotion_not_applicable");
  });

  it("refuses a code used as often as it may be since it was entered, before holding anything", async () => {
    const { listing, buyer } = await cartWithBook();
    const code = uniqueCode("LAST");
    const promotion = await insertPromotion({ code, kind: "percent_off", percentOff: 10, usageLimit: 3 });
    await enterCodes(buyer, [code]);
    await updatePromotion(promotion.id, { usesHeld: 3 });
    await refused(buyer, listing.id, "usage_limit_reached");
    expect(await promotionById(promotion.id)).toMatchObject({ usesHeld: 3 });
  });

  it("refuses a second code once the first no longer stacks", async () => {
    const { listing, buyer } = await cartWithBook();
    const [first, second] = [uniqueCode("ONE"), uniqueCode("TWO")];
    const stacking = await insertPromotion({ code: first, kind: "percent_off", percentOff: 10, stackable: true });
    await insertPromotion({ code: second, kind: "amount_off", amountOff: 100, stackable: true });
    await enterCodes(buyer, [first, second]);
    await updatePromotion(stacking.id, { stackable: false });
    const problem = await refused(buyer, listing.id, "promotion_not_stackable");
    expect(problem.promotionCode).toBe(second);
  });

  it("makes a new order, not the waiting one, for the same books once the cart holds a code", async () => {
    const { buyer } = await cartWithBook(2000);
    const before = await placeOrder(buyer);
    const code = uniqueCode("LATER");
    await insertPromotion({ code, kind: "amount_off", amountOff: 300 });
    await enterCodes(buyer, [code]);
    const again = await checkout(buyer);
    expect(again.status).toBe(201);
    const { order } = await again.json<CheckoutBody>();
    expect(order.id).not.toBe(before.order.id);
    expect(order.totals.total.amount).toBe(before.order.totals.total.amount - 300);
    // Checked out once more as it is now, the cart is answered the order that has its code.
    const replay = await checkout(buyer);
    expect(replay.status).toBe(200);
    expect((await replay.json<CheckoutBody>()).order.id).toBe(order.id);
  });
});
