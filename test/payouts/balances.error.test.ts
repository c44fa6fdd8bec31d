import { describe, expect, it } from "vitest";
import { api, asSeller } from "../support/identity";

describe("balance, ledger and payouts, bad input", () => {
  it("refuses a cursor it did not hand out and a limit out of range, as problems", async () => {
    const seller = await asSeller();
    for (const path of ["/v1/seller/ledger", "/v1/seller/payouts"]) {
      for (const query of [
        "?cursor=not-a-cursor",
        "?limit=0",
        "?limit=101",
        "?limit=ten",
        `?cursor=${btoa('{"x":1}')}`,
      ]) {
        const response = await api(`${path}${query}`, { headers: seller.auth });
        expect(response.status, `${path}${query}`).toBe(400);
        expect(response.headers.get("content-type")).toContain("application/problem+json");
      }
    }
  });

  it("answers 405 or 404 to writes on the read-only routes, never a 500", async () => {
    const seller = await asSeller();
    for (const path of ["/v1/seller/balance", "/v1/seller/ledger", "/v1/seller/payouts"]) {
      const response = await api(path, { method: "POST", headers: seller.auth });
      expect([404, 405]).toContain(response.status);
    }
  });
});
