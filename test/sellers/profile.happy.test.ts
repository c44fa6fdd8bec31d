import { describe, expect, it } from "vitest";
import { api, asSeller, json } from "../support/identity";

const storeName = () => `Second Chapter ${crypto.randomUUID().slice(0, 6)}`;
const patch = (auth: Record<string, string>, body: Record<string, unknown>) =>
  api("/v1/seller/profile", json(body, { method: "PATCH", headers: auth }));

describe("seller profile (happy paths)", () => {
  it("shows the store's profile as it was opened", async () => {
    const name = storeName();
    const seller = await asSeller({ storeName: name, shipsFrom: "FR" });
    const response = await api("/v1/seller/profile", { headers: seller.auth });
    expect(response.status).toBe(200);
    const profile = await response.json<Record<string, string>>();
    expect(profile).toMatchObject({
      id: seller.sellerId,
      userId: seller.userId,
      storeName: name,
      contactEmail: seller.email,
      shipsFrom: "FR",
    });
    expect(profile.updatedAt).toBe(profile.createdAt);
  });

  it("changes the fields sent, normalised as when opening, and leaves the others", async () => {
    const seller = await asSeller({ shipsFrom: "DE" });
    const before = await (await api("/v1/seller/profile", { headers: seller.auth })).json<Record<string, string>>();
    const renamed = storeName();
    const response = await patch(seller.auth, {
      storeName: `  ${renamed} `,
      contactEmail: "Orders@Chapter.EXAMPLE",
      shipsFrom: "at",
    });
    expect(response.status).toBe(200);
    const after = await response.json<Record<string, string>>();
    expect(after).toMatchObject({
      id: seller.sellerId,
      storeName: renamed,
      contactEmail: "Orders@chapter.example",
      shipsFrom: "AT",
      createdAt: before.createdAt,
    });
    expect(await (await api("/v1/seller/profile", { headers: seller.auth })).json()).toEqual(after);

    const onlyEmail = await (await patch(seller.auth, { contactEmail: "post@chapter.example" })).json();
    expect(onlyEmail).toMatchObject({ storeName: renamed, shipsFrom: "AT", contactEmail: "post@chapter.example" });
    // The domestic shipping rate follows the new ships-from country.
    const rates = await (await api("/v1/seller/shipping-rates", { headers: seller.auth })).json();
    expect(rates).toMatchObject({ domesticCountry: "AT" });
  });

  it("lets a seller keep their own store name in another case", async () => {
    const name = storeName();
    const seller = await asSeller({ storeName: name });
    const response = await patch(seller.auth, { storeName: name.toUpperCase() });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ storeName: name.toUpperCase() });
  });
});
