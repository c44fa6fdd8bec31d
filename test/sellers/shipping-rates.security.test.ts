import { describe, expect, it } from "vitest";
import { api, asSeller, json, signUp } from "../support/identity";

const eur = (amount: number) => ({ amount, currency: "EUR" });
const rates = {
  countries: ["DE"],
  domestic: { first: eur(1), additional: eur(1) },
  international: { first: eur(1), additional: eur(1) },
};

describe("seller shipping rates (security)", () => {
  it("needs a token and the seller role", async () => {
    const noToken = await api("/v1/seller/shipping-rates", json(rates, { method: "PUT" }));
    expect(noToken.status).toBe(401);
    const buyer = await signUp();
    const asBuyer = await api("/v1/seller/shipping-rates", json(rates, { method: "PUT", headers: buyer.auth }));
    expect(asBuyer.status).toBe(403);
    expect((await api("/v1/seller/shipping-rates", { headers: buyer.auth })).status).toBe(403);
  });

  it("changes only the caller's own rates", async () => {
    const [alice, bob] = [await asSeller(), await asSeller()];
    await api("/v1/seller/shipping-rates", json(rates, { method: "PUT", headers: alice.auth }));
    const bobs = await (await api("/v1/seller/shipping-rates", { headers: bob.auth })).json();
    expect(bobs).toMatchObject({ sellerId: bob.sellerId, source: "default" });
  });
});
