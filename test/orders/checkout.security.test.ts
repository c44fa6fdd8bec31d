import { describe, expect, it } from "vitest";
import { api, asSeller, json, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, BERLIN, checkout, newKey, ordersOf } from "../support/orders";

describe("checkout (security)", () => {
  it("needs a valid access token", async () => {
    const noToken = await api(
      "/v1/checkout",
      json({ shippingAddress: BERLIN }, { headers: { "idempotency-key": newKey() } }),
    );
    expect(noToken.status).toBe(401);
    const forged = await api(
      "/v1/checkout",
      json(
        { shippingAddress: BERLIN },
        { headers: { authorization: "Bearer not.a.jwt", "idempotency-key": newKey() } },
      ),
    );
    expect(forged.status).toBe(401);
  });

  it("checks out only the caller's own cart, and keeps Idempotency-Keys apart between buyers", async () => {
    const seller = await asSeller();
    const [owner, other] = [await signUp(), await signUp()];
    await addToCart(owner, (await listBook(seller, { quantity: 2 })).id);
    const key = newKey();
    expect((await checkout(owner, { shippingAddress: BERLIN }, key)).status).toBe(201);
    // The same key from another buyer is that buyer's own request: their (empty) cart, never a replay.
    const replayAttempt = await checkout(other, { shippingAddress: BERLIN }, key);
    expect(replayAttempt.status).toBe(422);
    expect((await replayAttempt.json<{ code: string }>()).code).toBe("cart_empty");
    expect(await ordersOf(other.userId)).toEqual([]);
  });

  it("does not ship to another user's saved address", async () => {
    const seller = await asSeller();
    const [owner, other] = [await signUp(), await signUp()];
    const me = await api("/v1/me", json({ addresses: [BERLIN] }, { method: "PATCH", headers: owner.auth }));
    const [address] = (await me.json<{ user: { addresses: { id: string }[] } }>()).user.addresses;
    await addToCart(other, (await listBook(seller, { quantity: 1 })).id);
    const response = await checkout(other, { addressId: address!.id });
    expect(response.status).toBe(404);
  });
});
