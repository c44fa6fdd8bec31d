import { describe, expect, it } from "vitest";
import { api, asSeller, json, signUp } from "../support/identity";
import { listBook } from "../support/listings";

describe("cart (security)", () => {
  it("keeps each user's cart to themselves: another user's line cannot be changed or removed", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 2 });
    const [owner, stranger] = [await signUp(), await signUp()];
    const { lineId } = await (
      await api("/v1/cart/items", json({ listingId: listing.id }, { headers: owner.auth }))
    ).json<{ lineId: string }>();

    expect(
      (await api(`/v1/cart/items/${lineId}`, json({ quantity: 2 }, { method: "PATCH", headers: stranger.auth })))
        .status,
    ).toBe(404);
    expect((await api(`/v1/cart/items/${lineId}`, { method: "DELETE", headers: stranger.auth })).status).toBe(404);
    const strangerCart = await (await api("/v1/cart", { headers: stranger.auth })).json<{ lines: unknown[] }>();
    expect(strangerCart.lines).toEqual([]);
    const ownerCart = await (await api("/v1/cart", { headers: owner.auth })).json<{ lines: { quantity: number }[] }>();
    expect(ownerCart.lines).toMatchObject([{ quantity: 1 }]);
  });

  it("answers a forged or altered cart token with 404", async () => {
    const issued = (await api("/v1/cart")).headers.get("x-cart-token")!;
    const [cartId] = issued.split(".");
    for (const token of [`${cartId}.forged-signature`, `crt_${"f".repeat(32)}.${issued.split(".")[1]}`, "garbage"]) {
      const response = await api("/v1/cart", { headers: { "x-cart-token": token } });
      expect(response.status).toBe(404);
      expect((await response.json<{ code: string }>()).code).toBe("not_found");
    }
  });

  it("refuses an invalid bearer token instead of falling back to a guest cart", async () => {
    const response = await api("/v1/cart", { headers: { authorization: "Bearer not-a-token" } });
    expect(response.status).toBe(401);
  });
});
