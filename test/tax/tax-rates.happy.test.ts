import { beforeAll, describe, expect, it } from "vitest";
import { ratesFor } from "../../workers/tax";
import { testDb } from "../support/database";
import { api, asAdmin, type TestAccount } from "../support/identity";
import { auditOfRate, ratesListed, setRate } from "./support";

const services = { db: testDb() };
let admin: TestAccount;

beforeAll(async () => {
  admin = await asAdmin();
});

const EU = "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split(" ");

describe("the seeded tax rates", () => {
  it("hold a books and a standard rate for the 27 EU countries, GB and the US", async () => {
    const rates = await ratesListed(admin);
    const countries = [...new Set(rates.map((rate) => rate.country))];
    expect(countries).toEqual([...EU, "GB", "US"].sort());
    expect(rates).toHaveLength(58);
    expect(rates.every((rate) => rate.region === null && rate.updatedBy === "seed")).toBe(true);
    expect(await ratesListed(admin, "?taxClass=books")).toHaveLength(29);
  });

  it("tax books in Germany at 7% and covers at 19%, books in Ireland at 0%, and nothing in the US", async () => {
    expect(await ratesListed(admin, "?country=DE")).toEqual([
      expect.objectContaining({
        id: "txr_00000000000000000000000044450001",
        destination: "DE",
        taxClass: "books",
        rate: 700,
        name: "DE VAT 7% (books)",
      }),
      expect.objectContaining({
        id: "txr_00000000000000000000000044450002",
        taxClass: "standard",
        rate: 1900,
        name: "DE VAT 19% (standard)",
      }),
    ]);
    expect(await ratesFor(services, { country: "DE" })).toEqual({
      books: { rate: 700, name: "DE VAT 7% (books)" },
      standard: { rate: 1900, name: "DE VAT 19% (standard)" },
    });
    expect((await ratesFor(services, { country: "IE" })).books?.rate).toBe(0);
    expect((await ratesFor(services, { country: "FR" })).books).toEqual({ rate: 550, name: "FR VAT 5.5% (books)" });
    const us = await ratesFor(services, { country: "US", region: "TX" });
    expect([us.books?.rate, us.standard?.rate]).toEqual([0, 0]);
  });
});

describe("PUT /v1/admin/tax-rates/{destination}/{taxClass}", () => {
  it("creates a US state's rate (201), which that state's orders are taxed at, and audits it", async () => {
    const response = await setRate(admin, "US-CA", "books", { rate: 725, name: "CA sales tax 7.25%" });
    expect(response.status).toBe(201);
    const rate = await response.json<{ id: string }>();
    expect(rate).toMatchObject({
      destination: "US-CA",
      country: "US",
      region: "CA",
      taxClass: "books",
      rate: 725,
      name: "CA sales tax 7.25%",
      updatedBy: admin.userId,
    });
    expect(rate.id).toMatch(/^txr_[0-9a-f]{32}$/);

    expect(await ratesFor(services, { country: "US", region: "ca" })).toEqual({
      books: { rate: 725, name: "CA sales tax 7.25%" },
      standard: { rate: 0, name: "US sales tax: none by default (standard)" },
    });
    expect((await ratesFor(services, { country: "US", region: "NY" })).books?.rate).toBe(0);
    expect((await ratesListed(admin, "?country=us")).map((listed) => listed.destination)).toEqual([
      "US",
      "US",
      "US-CA",
    ]);

    expect(await auditOfRate(admin, "tax_rate_set", rate.id)).toEqual([
      expect.objectContaining({
        type: "tax_rate_set",
        actorId: admin.userId,
        detail: {
          taxRateId: rate.id,
          destination: "US-CA",
          taxClass: "books",
          rate: 725,
          name: "CA sales tax 7.25%",
          previous: null,
        },
      }),
    ]);
  });

  it("replaces a country's rate (200, same id, any case) and audits the rate before; the same again changes nothing", async () => {
    const id = "txr_0000000000000000000000004c550002";
    const response = await setRate(admin, "lu", "standard", { rate: 1600, name: "LU VAT 16% (standard)" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id, destination: "LU", rate: 1600, updatedBy: admin.userId });
    expect((await ratesFor(services, { country: "LU" })).standard).toEqual({
      rate: 1600,
      name: "LU VAT 16% (standard)",
    });

    const again = await setRate(admin, "LU", "standard", { rate: 1600, name: "LU VAT 16% (standard)" });
    expect(again.status).toBe(200);
    const audited = await auditOfRate(admin, "tax_rate_set", id);
    expect(audited).toHaveLength(1);
    expect(audited[0]!.detail).toMatchObject({ rate: 1600, previous: { rate: 1700, name: "LU VAT 17% (standard)" } });

    const renamed = await setRate(admin, "LU", "standard", { rate: 1600, name: "TVA 16%" });
    expect(renamed.status).toBe(200);
    expect(await auditOfRate(admin, "tax_rate_set", id)).toHaveLength(2);
  });

  it("keeps one rate per destination and class when two admins set it at once", async () => {
    const other = await asAdmin();
    const answers = await Promise.all([
      setRate(admin, "US-WA", "standard", { rate: 650, name: "WA 6.5%" }),
      setRate(other, "US-WA", "standard", { rate: 700, name: "WA 7%" }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 201]);
    const listed = (await ratesListed(admin, "?country=US&taxClass=standard")).filter((rate) => rate.region === "WA");
    expect(listed).toHaveLength(1);
    const audited = await auditOfRate(admin, "tax_rate_set", listed[0]!.id);
    // The later change names the earlier one as the rate before it.
    expect(audited.map((entry) => entry.detail.previous)).toEqual([
      { rate: audited[1]!.detail.rate, name: audited[1]!.detail.name },
      null,
    ]);
    expect(audited[0]!.detail.rate).toBe(listed[0]!.rate);
  });
});

describe("DELETE /v1/admin/tax-rates/{taxRateId}", () => {
  it("deletes a rate, after which its class is taxed at the country's rate, and audits what it was", async () => {
    const created = await (await setRate(admin, "US-NY", "books", { rate: 400, name: "NY 4%" })).json<{ id: string }>();
    expect((await ratesFor(services, { country: "US", region: "NY" })).books?.rate).toBe(400);

    const response = await api(`/v1/admin/tax-rates/${created.id}`, { method: "DELETE", headers: admin.auth });
    expect(response.status).toBe(204);
    expect((await ratesFor(services, { country: "US", region: "NY" })).books?.rate).toBe(0);
    expect((await ratesListed(admin, "?country=US")).map((rate) => rate.id)).not.toContain(created.id);
    expect(await auditOfRate(admin, "tax_rate_deleted", created.id)).toEqual([
      expect.objectContaining({
        actorId: admin.userId,
        detail: { taxRateId: created.id, destination: "US-NY", taxClass: "books", rate: 400, name: "NY 4%" },
      }),
    ]);
  });

  it("deletes a seeded rate: that class is then taxed at 0 there", async () => {
    const id = "txr_000000000000000000000000534b0001";
    expect((await api(`/v1/admin/tax-rates/${id}`, { method: "DELETE", headers: admin.auth })).status).toBe(204);
    expect((await ratesFor(services, { country: "SK" })).books).toBeUndefined();
  });
});
