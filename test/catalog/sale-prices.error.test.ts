import { beforeAll, describe, expect, it } from "vitest";
import { switchDuePrices } from "../../workers/catalog/service";
import { catalogContext } from "../support/catalog";
import { api, asSeller, json, type TestSeller } from "../support/identity";
import { listBook } from "../support/listings";
import {
  eur,
  iso,
  MINUTE,
  minuteStart,
  postSale,
  removeSale,
  salesOf,
  scheduleSale,
  thisMinute,
} from "../support/sale-prices";

let seller: TestSeller;
let listingId: string;

beforeAll(async () => {
  seller = await asSeller();
  ({ id: listingId } = await listBook(seller, { price: 1000 }));
});

const inAnHour = () => thisMinute() + 60 * MINUTE;

async function problemOf(response: Response) {
  return { status: response.status, body: await response.json<{ code: string; errors?: { path: string }[] }>() };
}

describe("POST /v1/seller/listings/{id}/sale-prices refuses", () => {
  it("a sale that overlaps another scheduled one (409 sale_price_overlap, naming it), and leaves that one alone", async () => {
    const { id } = await listBook(seller, { price: 1000 });
    const from = inAnHour();
    const first = await scheduleSale(seller, id, { amount: 800, from, minutes: 60 });
    for (const [start, minutes] of [
      [from + 30 * MINUTE, 60],
      [from - 30 * MINUTE, 31],
      [from + 10 * MINUTE, 10],
      [from - 10 * MINUTE, 90],
    ] as const) {
      const refused = await problemOf(
        await postSale(seller, id, { price: eur(700), from: iso(start), until: iso(start + minutes * MINUTE) }),
      );
      expect(refused, iso(start)).toMatchObject({
        status: 409,
        body: { code: "sale_price_overlap", salePriceId: first.id },
      });
    }
    expect((await salesOf(seller, id)).items.map((sale) => sale.id)).toEqual([first.id]);
  });

  it("one of two overlapping sales sent at the same moment (one 201, one 409)", async () => {
    const { id } = await listBook(seller, { price: 1000 });
    const from = inAnHour();
    const body = (amount: number) => ({ price: eur(amount), from: iso(from), until: iso(from + 30 * MINUTE) });
    const answers = await Promise.all([postSale(seller, id, body(800)), postSale(seller, id, body(700))]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect((await salesOf(seller, id)).items).toHaveLength(1);
  });

  it("a sale that overlaps the one in force (409)", async () => {
    const { id } = await listBook(seller, { price: 1000 });
    const from = await minuteStart();
    await scheduleSale(seller, id, { amount: 800, from, minutes: 30 });
    const ctx = catalogContext();
    await switchDuePrices(ctx, from);
    await ctx.settled();
    const refused = await postSale(seller, id, {
      price: eur(700),
      from: iso(from + 10 * MINUTE),
      until: iso(from + 40 * MINUTE),
    });
    expect((await problemOf(refused)).body.code).toBe("sale_price_overlap");
  });

  it("a sale price at or above the regular price (422 sale_price_not_reduced)", async () => {
    for (const amount of [1000, 1200]) {
      const from = inAnHour();
      const refused = await problemOf(
        await postSale(seller, listingId, { price: eur(amount), from: iso(from), until: iso(from + MINUTE) }),
      );
      expect(refused).toMatchObject({
        status: 422,
        body: { code: "sale_price_not_reduced", errors: [{ path: "price.amount" }] },
      });
    }
  });

  it("a price in another currency (422 unsupported_currency)", async () => {
    const from = inAnHour();
    const refused = await postSale(seller, listingId, {
      price: { amount: 500, currency: "USD" },
      from: iso(from),
      until: iso(from + MINUTE),
    });
    expect(await problemOf(refused)).toMatchObject({ status: 422, body: { code: "unsupported_currency" } });
  });

  it("a start more than a minute in the past, and an end not a whole minute after the start (400)", async () => {
    const past = Date.now() - 2 * MINUTE;
    const late = await postSale(seller, listingId, {
      price: eur(500),
      from: iso(past),
      until: iso(past + 60 * MINUTE),
    });
    expect(await problemOf(late)).toMatchObject({
      status: 400,
      body: { code: "validation_failed", errors: [{ path: "from" }] },
    });
    const from = inAnHour();
    for (const until of [from, from - MINUTE, from + 59_000]) {
      const backwards = await postSale(seller, listingId, { price: eur(500), from: iso(from), until: iso(until) });
      expect(await problemOf(backwards), iso(until)).toMatchObject({
        status: 400,
        body: { code: "validation_failed", errors: [{ path: "until" }] },
      });
    }
    expect((await salesOf(seller, listingId)).items).toEqual([]);
  });

  it("a body that is not a sale price (400), without a 500", async () => {
    const from = inAnHour();
    const bodies: unknown[] = [
      {},
      { price: eur(500), from: iso(from) },
      { price: eur(500), from: "tomorrow", until: iso(from + MINUTE) },
      { price: eur(500), from: iso(from), until: 1_900_000_000_000 },
      { price: { amount: -1, currency: "EUR" }, from: iso(from), until: iso(from + MINUTE) },
      { price: { amount: 1.5, currency: "EUR" }, from: iso(from), until: iso(from + MINUTE) },
      [],
    ];
    for (const body of bodies) {
      const refused = await postSale(seller, listingId, body as Record<string, unknown>);
      expect(refused.status, JSON.stringify(body)).toBe(400);
    }
    const malformed = await api(`/v1/seller/listings/${listingId}/sale-prices`, {
      method: "POST",
      headers: { ...seller.auth, "content-type": "application/json" },
      body: "{",
    });
    expect(await problemOf(malformed)).toMatchObject({ status: 400, body: { code: "malformed_json" } });
  });

  it("an unknown listing or a malformed id (404, 400)", async () => {
    const from = inAnHour();
    const body = { price: eur(500), from: iso(from), until: iso(from + MINUTE) };
    expect((await postSale(seller, `lst_${"0".repeat(32)}`, body)).status).toBe(404);
    expect((await postSale(seller, "not-a-listing", body)).status).toBe(400);
  });
});

describe("GET and DELETE /v1/seller/listings/{id}/sale-prices refuse", () => {
  it("a bad cursor or limit (400), and an unknown or malformed sale id (404, 400)", async () => {
    expect((await api(`/v1/seller/listings/${listingId}/sale-prices?limit=0`, { headers: seller.auth })).status).toBe(
      400,
    );
    expect(
      (await api(`/v1/seller/listings/${listingId}/sale-prices?cursor=%%%`, { headers: seller.auth })).status,
    ).toBe(400);
    expect((await removeSale(seller, listingId, `lsp_${"0".repeat(32)}`)).status).toBe(404);
    expect((await removeSale(seller, listingId, "lsp_nope")).status).toBe(400);
  });

  it("a sale of another listing of the same seller (404)", async () => {
    const { id: other } = await listBook(seller, { price: 1000 });
    const sale = await scheduleSale(seller, other, { amount: 900, from: inAnHour(), minutes: 10 });
    expect((await removeSale(seller, listingId, sale.id)).status).toBe(404);
    expect((await salesOf(seller, other)).items).toHaveLength(1);
  });
});

describe("PATCH /v1/seller/listings/{id} refuses", () => {
  it("a regular price at or below a scheduled sale price (422 sale_price_not_reduced)", async () => {
    const { id } = await listBook(seller, { price: 1000 });
    await scheduleSale(seller, id, { amount: 800, from: inAnHour(), minutes: 10 });
    const patch = (amount: number) =>
      api(`/v1/seller/listings/${id}`, json({ price: eur(amount) }, { method: "PATCH", headers: seller.auth }));
    expect(await problemOf(await patch(800))).toMatchObject({
      status: 422,
      body: { code: "sale_price_not_reduced", errors: [{ path: "price.amount" }] },
    });
    expect((await patch(801)).status).toBe(200);
  });
});
