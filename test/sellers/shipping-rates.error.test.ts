import { describe, expect, it } from "vitest";
import { api, asSeller, json } from "../support/identity";

const eur = (amount: number) => ({ amount, currency: "EUR" });
const valid = {
  countries: ["DE"],
  domestic: { first: eur(450), additional: eur(100) },
  international: { first: eur(1200), additional: eur(300) },
};

describe("seller shipping rates (errors)", () => {
  it("refuses malformed bodies with 400 naming the fields, and keeps the previous rates", async () => {
    const seller = await asSeller();
    await api("/v1/seller/shipping-rates", json(valid, { method: "PUT", headers: seller.auth }));
    const cases = [
      [{ ...valid, countries: [] }, "countries"],
      [{ ...valid, countries: ["Germany"] }, "countries.0"],
      [{ ...valid, domestic: { first: eur(450) } }, "domestic.additional"],
      [
        { ...valid, international: { first: { amount: -1, currency: "EUR" }, additional: eur(1) } },
        "international.first.amount",
      ],
      [
        { ...valid, domestic: { first: { amount: 4.5, currency: "EUR" }, additional: eur(1) } },
        "domestic.first.amount",
      ],
    ] as const;
    for (const [body, path] of cases) {
      const response = await api("/v1/seller/shipping-rates", json(body, { method: "PUT", headers: seller.auth }));
      expect(response.status, path).toBe(400);
      const problem = await response.json<{ code: string; errors: { path: string }[] }>();
      expect(problem.code).toBe("validation_failed");
      expect(problem.errors.map((e) => e.path)).toContain(path);
    }
    const stored = await (await api("/v1/seller/shipping-rates", { headers: seller.auth })).json();
    expect(stored).toMatchObject({ countries: ["DE"], domestic: valid.domestic });
  });

  it("refuses rates in another currency than the marketplace's with 422", async () => {
    const seller = await asSeller();
    const response = await api(
      "/v1/seller/shipping-rates",
      json(
        { ...valid, express: { first: { amount: 900, currency: "USD" }, additional: eur(0) } },
        { method: "PUT", headers: seller.auth },
      ),
    );
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      code: "unsupported_currency",
      errors: [{ path: "express.first.currency", message: "must be EUR" }],
    });
  });
});
