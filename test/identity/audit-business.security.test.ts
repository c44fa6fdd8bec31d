import { describe, expect, it } from "vitest";
import { api, asAdmin, asSeller, json, signUp, type TestSeller } from "../support/identity";
import { shopAudit } from "./audit-support";

async function promotionOf(seller: TestSeller, name: string) {
  const response = await api(
    "/v1/seller/promotions",
    json({ name, kind: "percent_off", percentOff: 10 }, { headers: seller.auth }),
  );
  expect(response.status).toBe(201);
  return (await response.json<{ id: string }>()).id;
}

describe("GET /v1/seller/audit (security)", () => {
  it("shows a seller their own shop's entries only: not another seller's, not the platform's", async () => {
    const admin = await asAdmin();
    const mine = await asSeller();
    const theirs = await asSeller();
    const own = await promotionOf(mine, "Mine");
    const paused = await api(
      `/v1/seller/promotions/${own}`,
      json({ status: "paused" }, { method: "PATCH", headers: mine.auth }),
    );
    expect(paused.status).toBe(200);
    const other = await promotionOf(theirs, "Theirs");
    const platform = await api(
      "/v1/admin/promotions",
      json({ name: "Platform", kind: "percent_off", percentOff: 5 }, { headers: admin.auth }),
    );
    expect(platform.status).toBe(201);

    const page = await shopAudit(mine);
    expect(page.items.map((entry) => [entry.type, entry.target])).toEqual([
      ["promotion_deactivated", `promotion:${own}`],
      ["promotion_created", `promotion:${own}`],
    ]);
    expect(page.items.every((entry) => entry.shopId === mine.sellerId)).toBe(true);
    // Where the change came from is the platform's to know.
    expect(page.items.every((entry) => entry.ip === null && entry.userAgent === null && entry.sessionId === null)).toBe(
      true,
    );
    expect((await shopAudit(mine, { action: "promotion_created" })).items).toHaveLength(1);
    expect((await shopAudit(theirs)).items.map((entry) => entry.target)).toEqual([`promotion:${other}`]);
  });

  it("needs a token and a seller profile: buyers get 403, and the admin log stays admin-only", async () => {
    expect((await api("/v1/seller/audit")).status).toBe(401);
    const buyer = await signUp();
    expect((await api("/v1/seller/audit", { headers: buyer.auth })).status).toBe(403);
    const seller = await asSeller();
    for (const query of [`actor=${seller.userId}`, "target=order%3Aord_1", "action=promotion_created"]) {
      expect((await api(`/v1/admin/audit?${query}`, { headers: seller.auth })).status, query).toBe(403);
      expect((await api(`/v1/admin/audit?${query}`, { headers: buyer.auth })).status, query).toBe(403);
    }
  });
});
