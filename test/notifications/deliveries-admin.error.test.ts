import { describe, expect, it } from "vitest";
import { api, asAdmin } from "../support/identity";

describe("the delivery log for operators (errors)", () => {
  it("refuses unknown filters and a forged cursor", async () => {
    const admin = await asAdmin();
    const cases = [
      ["?status=lost", "validation_failed"],
      ["?channel=fax", "validation_failed"],
      ["?userId=someone", "validation_failed"],
      ["?limit=101", "validation_failed"],
      ["?cursor=not-a-cursor", "invalid_cursor"],
    ] as const;
    for (const [query, code] of cases) {
      const response = await api(`/v1/admin/deliveries${query}`, { headers: admin.auth });
      expect(response.status, query).toBe(400);
      expect(await response.json()).toMatchObject({ code });
    }
  });
});
