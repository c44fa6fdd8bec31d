import { describe, expect, it } from "vitest";
import { DEFAULT_RATES, quoteShipping, type ShippingRates } from "../../workers/sellers/service";
import { api, asSeller, json } from "../support/identity";

const eur = (amount: number) => ({ amount, currency: "EUR" });
const rates = {
  countries: ["de", "FR", "AT", "DE"],
  domestic: { first: eur(450), additional: eur(100) },
  international: { first: eur(1200), additional: eur(300) },
  express: { first: eur(1900), additional: eur(400) },
};

describe("seller shipping rates (happy paths)", () => {
  it("shows the marketplace default until the seller sets rates, then the seller's own", async () => {
    const seller = await asSeller({ shipsFrom: "DE" });
    const before = await api("/v1/seller/shipping-rates", { headers: seller.auth });
    expect(before.status).toBe(200);
    expect(await before.json()).toEqual({
      sellerId: seller.sellerId,
      domesticCountry: "DE",
      countries: null,
      ...DEFAULT_RATES,
      source: "default",
      updatedAt: null,
    });

    const put = await api("/v1/seller/shipping-rates", json(rates, { method: "PUT", headers: seller.auth }));
    expect(put.status).toBe(200);
    const stored = await put.json();
    expect(stored).toMatchObject({
      sellerId: seller.sellerId,
      domesticCountry: "DE",
      countries: ["AT", "DE", "FR"],
      domestic: rates.domestic,
      international: rates.international,
      express: rates.express,
      source: "seller",
    });
    expect(await (await api("/v1/seller/shipping-rates", { headers: seller.auth })).json()).toEqual(stored);
  });

  it("replaces the rates on every PUT; leaving out express stops offering it", async () => {
    const seller = await asSeller({ shipsFrom: "FR" });
    await api("/v1/seller/shipping-rates", json(rates, { method: "PUT", headers: seller.auth }));
    const { express: _express, ...withoutExpress } = rates;
    const second = await api(
      "/v1/seller/shipping-rates",
      json({ ...withoutExpress, countries: ["FR"] }, { method: "PUT", headers: seller.auth }),
    );
    expect(await second.json()).toMatchObject({ countries: ["FR"], express: null, domesticCountry: "FR" });
  });
});

describe("shipping quotes", () => {
  const sellerRates: ShippingRates = {
    sellerId: "sel_x",
    countries: ["AT", "DE", "FR"],
    domestic: rates.domestic,
    international: rates.international,
    express: null,
    source: "seller",
    updatedAt: 1,
  };

  it("charges the first copy, then each further copy, domestic in the ships-from country", () => {
    expect(quoteShipping(sellerRates, { shipsFrom: "DE", country: "DE", method: "standard", units: 3 })).toEqual({
      ok: true,
      zone: "domestic",
      charge: eur(450 + 2 * 100),
    });
    expect(quoteShipping(sellerRates, { shipsFrom: "DE", country: "FR", method: "standard", units: 1 })).toEqual({
      ok: true,
      zone: "international",
      charge: eur(1200),
    });
  });

  it("refuses countries outside the list and express when the seller does not offer it", () => {
    expect(quoteShipping(sellerRates, { shipsFrom: "DE", country: "US", method: "standard", units: 1 })).toEqual({
      ok: false,
      reason: "country_not_served",
    });
    expect(quoteShipping(sellerRates, { shipsFrom: "DE", country: "DE", method: "express", units: 1 })).toEqual({
      ok: false,
      reason: "express_not_offered",
    });
  });
});
