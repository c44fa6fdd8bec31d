import { beforeAll, describe, expect, it } from "vitest";
import { atomically } from "../../workers/platform/db";
import { rateAt, replaceRate } from "../../workers/tax/store";
import { testDb } from "../support/database";
import { api, asAdmin, type TestAccount } from "../support/identity";
import { ratesListed, setRate } from "./support";

let admin: TestAccount;

beforeAll(async () => {
  admin = await asAdmin();
});

interface Problem {
  code: string;
  errors?: { path: string; message: string }[];
}

async function refused(response: Response, status: number, path?: string) {
  expect(response.status).toBe(status);
  const problem = await response.json<Problem>();
  if (path) expect(problem.errors?.map((error) => error.path)).toEqual([path]);
  return problem;
}

const valid = { rate: 700, name: "A rate" };

describe("tax rate errors", () => {
  it("refuses a code that is no country, a region where the country has none, and an unknown state (422)", async () => {
    for (const destination of ["XX", "UK", "EU", "DE-BY", "GB-ENG", "US-ZZ"]) {
      const problem = await refused(await setRate(admin, destination, "books", valid), 422, "destination");
      expect(problem.code, destination).toBe("unprocessable");
    }
  });

  it("refuses a rate below 0 or above 5000 basis points (422)", async () => {
    for (const rate of [-1, 5001, 100_000]) {
      expect((await refused(await setRate(admin, "DE", "books", { ...valid, rate }), 422, "rate")).code).toBe(
        "unprocessable",
      );
    }
  });

  it("refuses malformed input with 400", async () => {
    const cases: [string, string, unknown][] = [
      ["Germany", "books", valid],
      ["D3", "books", valid],
      ["DE", "food", valid],
      ["DE", "books", { ...valid, rate: 7.5 }],
      ["DE", "books", { ...valid, rate: "700" }],
      ["DE", "books", { rate: 700 }],
      ["DE", "books", { rate: 700, name: "   " }],
      ["DE", "books", { rate: 700, name: "x".repeat(81) }],
    ];
    for (const [destination, taxClass, body] of cases) {
      const response = await setRate(admin, destination, taxClass, body);
      expect(response.status, `${destination} ${taxClass} ${JSON.stringify(body)}`).toBe(400);
    }
    expect((await api("/v1/admin/tax-rates?country=DEU", { headers: admin.auth })).status).toBe(400);
    expect((await api("/v1/admin/tax-rates?taxClass=food", { headers: admin.auth })).status).toBe(400);
  });

  it("refuses a name with control or bidirectional characters (422 invalid_characters)", async () => {
    const response = await setRate(admin, "DE", "books", { rate: 700, name: "VAT\u202E 7%" });
    expect((await refused(response, 422)).code).toBe("invalid_characters");
  });

  it("answers 404 for a rate that does not exist and 400 for a malformed id", async () => {
    const unknown = `txr_${"f".repeat(32)}`;
    expect((await api(`/v1/admin/tax-rates/${unknown}`, { method: "DELETE", headers: admin.auth })).status).toBe(404);
    expect((await api("/v1/admin/tax-rates/txr_de_books", { method: "DELETE", headers: admin.auth })).status).toBe(400);
  });

  it("rolls back a change over one another admin made since the rate was read", async () => {
    const db = testDb();
    const read = (await rateAt(db, "MT", "", "books"))!;
    expect((await setRate(admin, "MT", "books", { rate: 600, name: "MT VAT 6% (books)" })).status).toBe(200);
    const stale = replaceRate(db, read, { rate: 0, name: "MT none", updatedBy: admin.userId, updatedAt: Date.now() });
    await expect(atomically(db, [stale])).rejects.toThrow();
    expect(await rateAt(db, "MT", "", "books")).toMatchObject({ rate: 600, name: "MT VAT 6% (books)" });
    expect((await setRate(admin, "MT", "books", { rate: 500, name: "MT VAT 5% (books)" })).status).toBe(200);
  });

  it("changed nothing else and logged nothing on any refusal", async () => {
    const germany = await ratesListed(admin, "?country=DE");
    expect(germany.map((rate) => [rate.rate, rate.updatedBy])).toEqual([
      [700, "seed"],
      [1900, "seed"],
    ]);
    expect(await ratesListed(admin)).toHaveLength(58);
    const audit = await api("/v1/admin/audit?type=tax_rate_set", { headers: admin.auth });
    const entries = (await audit.json<{ items: { detail: { destination: string } }[] }>()).items;
    expect(entries.map((entry) => entry.detail.destination)).toEqual(["MT", "MT"]);
  });
});
