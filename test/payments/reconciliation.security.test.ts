import { describe, expect, it } from "vitest";
import { api, asSeller, json, signUp } from "../support/identity";

describe("reconciliation (security)", () => {
  it("is for admins only", async () => {
    expect((await api("/v1/admin/reconciliation")).status).toBe(401);
    expect((await api("/v1/admin/reconciliation?from=2025-03-01&to=2025-03-02")).status).toBe(401);
    const [buyer, seller] = [await signUp(), await asSeller()];
    for (const account of [buyer, seller]) {
      expect((await api("/v1/admin/reconciliation", { headers: account.auth })).status).toBe(403);
      const taxDays = await api("/v1/admin/reconciliation?from=2025-03-01&to=2025-03-02", { headers: account.auth });
      expect(taxDays.status).toBe(403);
      expect((await api("/v1/admin/reconciliation/runs", json({}, { headers: account.auth }))).status).toBe(403);
    }
  });
});
