import { describe, expect, it } from "vitest";
import { api, asAdmin, asSeller, json, signUp } from "../support/identity";

describe("GET /v1/admin/audit (security)", () => {
  it("needs a token, and the admin role: buyers and sellers get 403", async () => {
    expect((await api("/v1/admin/audit")).status).toBe(401);
    const buyer = await signUp();
    const buyerAttempt = await api("/v1/admin/audit", { headers: buyer.auth });
    expect(buyerAttempt.status).toBe(403);
    expect(await buyerAttempt.json()).toMatchObject({ code: "forbidden" });
    const seller = await asSeller();
    expect((await api("/v1/admin/audit", { headers: seller.auth })).status).toBe(403);
  });

  it("an admin whose session was revoked is refused", async () => {
    const admin = await asAdmin();
    await api("/v1/auth/logout", { method: "POST", headers: admin.auth });
    expect((await api("/v1/admin/audit", { headers: admin.auth })).status).toBe(401);
  });

  it("registering with an admin email does not make an admin until that account logs in", async () => {
    const response = await api(
      "/v1/auth/register",
      json({ email: "admin-49@bazaar.test", password: "the admin test password", name: "Admin" }),
    );
    expect([201, 409]).toContain(response.status);
    if (response.status === 201) {
      expect((await response.json<{ user: { roles: string[] } }>()).user.roles).toEqual(["buyer"]);
    }
  });
});
