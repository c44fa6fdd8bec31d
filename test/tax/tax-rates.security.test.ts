import { describe, expect, it } from "vitest";
import { api, asAdmin, asSeller, json, signUp } from "../support/identity";
import { ratesListed } from "./support";

const seeded = "txr_00000000000000000000000044450001";
const routes: [string, string, unknown?][] = [
  ["GET", "/v1/admin/tax-rates"],
  ["PUT", "/v1/admin/tax-rates/DE/books", { rate: 0, name: "No VAT" }],
  ["DELETE", `/v1/admin/tax-rates/${seeded}`],
];

const send = (method: string, path: string, body: unknown, headers: Record<string, string>) =>
  body === undefined ? api(path, { method, headers }) : api(path, json(body, { method, headers }));

describe("tax administration is for admins only", () => {
  it("answers 401 without a token and 403 to buyers and sellers, and changes nothing", async () => {
    const [buyer, seller] = await Promise.all([signUp(), asSeller()]);
    for (const [method, path, body] of routes) {
      expect((await send(method, path, body, {})).status, `${method} ${path}`).toBe(401);
      expect((await send(method, path, body, buyer.auth)).status, `${method} ${path}`).toBe(403);
      expect((await send(method, path, body, seller.auth)).status, `${method} ${path}`).toBe(403);
    }
    const admin = await asAdmin();
    expect(await ratesListed(admin, "?country=DE&taxClass=books")).toEqual([
      expect.objectContaining({ id: seeded, rate: 700, updatedBy: "seed" }),
    ]);
  });
});
