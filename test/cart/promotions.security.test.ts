import { describe, expect, it } from "vitest";
import type { CartBody } from "../../workers/cart/schemas";
import { api, asSeller, json, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart } from "../support/orders";
import { aPromotion } from "../support/promotion-rows";

const enter = (code: string, headers: Record<string, string>) =>
  api("/v1/cart/promotions", json({ code }, { headers }));

const remove = (code: string, headers: Record<string, string>) =>
  api(`/v1/cart/promotions/${code}`, { method: "DELETE", headers });

describe("cart promotions (security)", () => {
  it("keeps each buyer's codes to their own cart: another buyer can neither see nor remove them", async () => {
    const listing = await listBook(await asSeller(), { price: 2000, quantity: 2 });
    const code = await aPromotion(null);
    const [owner, stranger] = [await signUp(), await signUp()];
    await addToCart(owner, listing.id);
    await addToCart(stranger, listing.id);
    expect((await enter(code.code!, owner.auth)).status).toBe(200);

    const strangerCart = await (await api("/v1/cart", { headers: stranger.auth })).json<CartBody>();
    expect([strangerCart.codes, strangerCart.discountTotal.amount]).toEqual([[], 0]);
    expect((await remove(code.code!, stranger.auth)).status).toBe(404);
    const ownerCart = await (await api("/v1/cart", { headers: owner.auth })).json<CartBody>();
    expect(ownerCart.codes.map((entry) => entry.code)).toEqual([code.code]);
  });

  it("answers a forged token, or one cart's id under another cart's signature, with 404", async () => {
    const listing = await listBook(await asSeller(), { quantity: 2 });
    const code = await aPromotion(null);
    const added = await api("/v1/cart/items", json({ listingId: listing.id }));
    const victim = added.headers.get("x-cart-token")!;
    expect((await enter(code.code!, { "x-cart-token": victim })).status).toBe(200);
    const mine = (await api("/v1/cart")).headers.get("x-cart-token")!;
    const [victimId] = victim.split(".");
    const [, mySignature] = mine.split(".");

    for (const token of [`${victimId}.${mySignature}`, `${victimId}.forged`, "garbage"]) {
      for (const response of [
        await enter(code.code!, { "x-cart-token": token }),
        await remove(code.code!, { "x-cart-token": token }),
      ]) {
        expect(response.status, token).toBe(404);
        expect(await response.json()).toMatchObject({ code: "not_found" });
      }
    }
    const victimCart = await (await api("/v1/cart", { headers: { "x-cart-token": victim } })).json<CartBody>();
    expect(victimCart.codes.map((entry) => entry.code)).toEqual([code.code]);
  });

  it("refuses an invalid bearer token instead of falling back to a guest cart", async () => {
    const authorization = { authorization: "Bearer not-a-token" };
    expect((await enter("SPRING10", authorization)).status).toBe(401);
    expect((await remove("SPRING10", authorization)).status).toBe(401);
  });

  it("shows a signed-in buyer their own cart, whatever guest token they send along", async () => {
    const listing = await listBook(await asSeller(), { quantity: 2 });
    const code = await aPromotion(null);
    const added = await api("/v1/cart/items", json({ listingId: listing.id }));
    const token = added.headers.get("x-cart-token")!;
    expect((await enter(code.code!, { "x-cart-token": token })).status).toBe(200);
    const other = await signUp();
    const cart = await (await api("/v1/cart", { headers: { ...other.auth, "x-cart-token": token } })).json<CartBody>();
    expect([cart.lines, cart.codes]).toEqual([[], []]);
  });
});
