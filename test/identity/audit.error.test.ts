import { describe, expect, it } from "vitest";
import { api, asAdmin } from "../support/identity";

describe("GET /v1/admin/audit (errors)", () => {
  it("refuses a bad cursor, an unknown type and an oversized page", async () => {
    const admin = await asAdmin();
    for (const query of ["?cursor=bm9wZQ", "?type=made_up", "?limit=1000", "?userId=bob"]) {
      const response = await api(`/v1/admin/audit${query}`, { headers: admin.auth });
      expect(response.status, query).toBe(400);
    }
  });
});
