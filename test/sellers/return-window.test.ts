import { describe, expect, it } from "vitest";
import { api, asSeller, json, signUp } from "../support/identity";

const patchProfile = (auth: Record<string, string>, body: unknown) =>
  api("/v1/seller/profile", json(body, { method: "PATCH", headers: auth }));

describe("a seller's return window", () => {
  it("starts at 14 days and takes any whole number of days from 0 to 90", async () => {
    const seller = await asSeller();
    const profile = await (await api("/v1/seller/profile", { headers: seller.auth })).json<{
      returnWindowDays: number;
    }>();
    expect(profile.returnWindowDays).toBe(14);
    for (const days of [0, 90, 21]) {
      const response = await patchProfile(seller.auth, { returnWindowDays: days });
      expect(response.status).toBe(200);
      expect((await response.json<{ returnWindowDays: number }>()).returnWindowDays).toBe(days);
    }
  });

  it("refuses anything else (400) and is the seller's own to set", async () => {
    const seller = await asSeller();
    for (const days of [-1, 91, 1.5, "14", null]) {
      const response = await patchProfile(seller.auth, { returnWindowDays: days });
      expect(response.status, String(days)).toBe(400);
    }
    const buyer = await signUp();
    expect((await patchProfile(buyer.auth, { returnWindowDays: 30 })).status).toBe(403);
    expect((await api("/v1/seller/profile", json({ returnWindowDays: 30 }, { method: "PATCH" }))).status).toBe(401);
  });
});
