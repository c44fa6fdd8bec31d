import { describe, expect, it } from "vitest";
import { api, asSeller } from "../support/identity";

describe("a seller's print jobs (errors)", () => {
  it("refuses an unknown status, a malformed limit and a forged cursor with 400 problems", async () => {
    const seller = await asSeller();
    for (const [query, code] of [
      ["?status=printed", "validation_failed"],
      ["?limit=0", "validation_failed"],
      ["?cursor=not-a-cursor", "invalid_cursor"],
    ] as const) {
      const response = await api(`/v1/seller/print-jobs${query}`, { headers: seller.auth });
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(await response.json(), query).toMatchObject({ code });
    }
  });

  it("a malformed job id is a 400, an unknown one a 404", async () => {
    const seller = await asSeller();
    const malformed = await api("/v1/seller/print-jobs/job-1", { headers: seller.auth });
    expect(malformed.status).toBe(400);
    const unknown = await api(`/v1/seller/print-jobs/prj_${"0".repeat(32)}`, { headers: seller.auth });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: "not_found" });
  });

  it("a seller without covers sold has an empty list", async () => {
    const seller = await asSeller();
    const response = await api("/v1/seller/print-jobs", { headers: seller.auth });
    expect(await response.json()).toEqual({ items: [], nextCursor: null });
  });
});
