import { describe, expect, it } from "vitest";
import { api, asSeller, json, signUp } from "../support/identity";

describe("seller profile (security)", () => {
  it("needs a token and a seller profile", async () => {
    expect((await api("/v1/seller/profile")).status).toBe(401);
    expect((await api("/v1/seller/profile", json({ shipsFrom: "FR" }, { method: "PATCH" }))).status).toBe(401);
    const buyer = await signUp();
    expect((await api("/v1/seller/profile", { headers: buyer.auth })).status).toBe(403);
    const asBuyer = await api(
      "/v1/seller/profile",
      json({ shipsFrom: "FR" }, { method: "PATCH", headers: buyer.auth }),
    );
    expect(asBuyer.status).toBe(403);
  });

  it("changes only the caller's own profile, whatever ids the body names", async () => {
    const [alice, bob] = [await asSeller({ shipsFrom: "DE" }), await asSeller({ shipsFrom: "DE" })];
    const bobBefore = await (await api("/v1/seller/profile", { headers: bob.auth })).json();
    const response = await api(
      "/v1/seller/profile",
      json({ shipsFrom: "FR", id: bob.sellerId, userId: bob.userId }, { method: "PATCH", headers: alice.auth }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: alice.sellerId, userId: alice.userId, shipsFrom: "FR" });
    expect(await (await api("/v1/seller/profile", { headers: bob.auth })).json()).toEqual(bobBefore);
  });
});
