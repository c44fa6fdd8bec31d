import { beforeAll, describe, expect, it } from "vitest";
import type { SalePriceView } from "../../workers/catalog/sale-prices";
import { api, asSeller, json, signUp, type TestAccount, type TestSeller } from "../support/identity";
import { listBook } from "../support/listings";
import { eur, iso, MINUTE, salesOf, scheduleSale, sellerView, thisMinute } from "../support/sale-prices";

let sellerA: TestSeller;
let sellerB: TestSeller;
let buyer: TestAccount;
let listingA: string;
let saleA: SalePriceView;

beforeAll(async () => {
  [sellerA, sellerB, buyer] = await Promise.all([asSeller(), asSeller(), signUp()]);
  ({ id: listingA } = await listBook(sellerA, { price: 1000 }));
  saleA = await scheduleSale(sellerA, listingA, { amount: 900, from: thisMinute() + 60 * MINUTE, minutes: 30 });
});

const later = () => thisMinute() + 120 * MINUTE;

const routes = (): [string, string, unknown?][] => [
  [
    "POST",
    `/v1/seller/listings/${listingA}/sale-prices`,
    { price: eur(500), from: iso(later()), until: iso(later() + MINUTE) },
  ],
  ["GET", `/v1/seller/listings/${listingA}/sale-prices`],
  ["DELETE", `/v1/seller/listings/${listingA}/sale-prices/${saleA.id}`],
];

function send(method: string, path: string, body: unknown, headers: Record<string, string>) {
  if (body === undefined) return api(path, { method, headers });
  return api(path, json(body, { method, headers }));
}

describe("sale price routes need the listing's seller", () => {
  it("answer 401 without a token and with a forged one", async () => {
    for (const [method, path, body] of routes()) {
      expect((await send(method, path, body, {})).status, `${method} ${path}`).toBe(401);
      const forged = await send(method, path, body, { authorization: "Bearer eyJhbGciOiJub25lIn0.e30." });
      expect(forged.status, `${method} ${path} forged`).toBe(401);
    }
  });

  it("answer 403 to a signed-in buyer", async () => {
    for (const [method, path, body] of routes()) {
      expect((await send(method, path, body, buyer.auth)).status, `${method} ${path}`).toBe(403);
    }
  });

  it("answer 404 to another seller, who can neither see, schedule nor withdraw seller A's sales", async () => {
    for (const [method, path, body] of routes()) {
      expect((await send(method, path, body, sellerB.auth)).status, `${method} ${path}`).toBe(404);
    }
    expect((await salesOf(sellerA, listingA)).items).toEqual([
      expect.objectContaining({ id: saleA.id, state: "scheduled" }),
    ]);
    expect(await sellerView(sellerA, listingA)).toMatchObject({ price: eur(1000), listPrice: null });
  });

  it("answer 404 to another seller naming seller A's sale under a listing of their own", async () => {
    const { id: mine } = await listBook(sellerB, { price: 1000 });
    const response = await api(`/v1/seller/listings/${mine}/sale-prices/${saleA.id}`, {
      method: "DELETE",
      headers: sellerB.auth,
    });
    expect(response.status).toBe(404);
    expect((await salesOf(sellerA, listingA)).items).toHaveLength(1);
  });
});
