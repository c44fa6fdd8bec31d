import { beforeAll, describe, expect, it } from "vitest";
import type { ImportStatus } from "../../workers/catalog/imports";
import { switchDuePrices } from "../../workers/catalog/service";
import { catalogContext } from "../support/catalog";
import { consoleShop } from "../support/console-listings";
import { testDatabase } from "../support/database";
import { eventually } from "../support/eventually";
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
  sellerView,
  thisMinute,
} from "../support/sale-prices";

let seller: TestSeller;

beforeAll(async () => {
  seller = await asSeller();
});

async function tick(now: number) {
  const ctx = catalogContext();
  await switchDuePrices(ctx, now);
  await ctx.settled();
}

const nextSwitch = async (listingId: string) =>
  testDatabase
    .prepare("SELECT price_changes_at FROM listings WHERE id = ?")
    .bind(listingId)
    .first<number | null>("price_changes_at");

async function historyAmounts(listingId: string) {
  const page = await (await api(`/v1/listings/${listingId}/price-history?limit=100`)).json<{
    items: { price: { amount: number }; changedAt: string }[];
  }>();
  return page.items.map((point) => point.price.amount);
}

describe("POST and GET /v1/seller/listings/{id}/sale-prices", () => {
  it("schedules sales rounded down to the minute, and lists them latest start first, page by page", async () => {
    const { id } = await listBook(seller, { price: 1000 });
    const from = thisMinute() + 60 * MINUTE;
    const response = await postSale(seller, id, {
      price: eur(750),
      from: new Date(from + 42_123).toISOString(),
      until: new Date(from + 3 * 60 * MINUTE + 59_999).toISOString(),
    });
    expect(response.status).toBe(201);
    const first = await response.json();
    expect(first).toEqual({
      id: expect.stringMatching(/^lsp_[0-9a-f]{32}$/),
      listingId: id,
      price: eur(750),
      from: iso(from),
      until: iso(from + 180 * MINUTE),
      state: "scheduled",
      createdAt: expect.any(String),
    });
    // Back to back with the first is no overlap.
    const second = await scheduleSale(seller, id, { amount: 800, from: from + 180 * MINUTE, minutes: 60 });
    const third = await scheduleSale(seller, id, { amount: 900, from: from + 24 * 60 * MINUTE, minutes: 60 });
    expect(await nextSwitch(id)).toBe(from);

    const page1 = await salesOf(seller, id, "?limit=2");
    expect(page1.items.map((sale) => sale.id)).toEqual([third.id, second.id]);
    const page2 = await salesOf(seller, id, `?limit=2&cursor=${page1.nextCursor}`);
    expect(page2).toEqual({ items: [expect.objectContaining({ id: (first as { id: string }).id })], nextCursor: null });
  });

  it("takes effect at the next run of the minute job when it starts within the current minute", async () => {
    const { id } = await listBook(seller, { price: 1000 });
    const now = Date.now();
    const from = Math.floor(now / MINUTE) * MINUTE;
    await postSale(seller, id, { price: eur(600), from: iso(now), until: iso(from + 5 * MINUTE) });
    expect(await nextSwitch(id)).toBe(from);
    expect(await sellerView(seller, id)).toMatchObject({ price: eur(1000), listPrice: null });
    await tick(from + MINUTE);
    expect(await sellerView(seller, id)).toMatchObject({ price: eur(600), listPrice: eur(1000) });
  });
});

describe("a seller's price change while a sale is in force", () => {
  it("changes the regular price, keeps the sale price in force, and the new regular price is back at its end", async () => {
    const { id } = await listBook(seller, { price: 1000 });
    const from = await minuteStart();
    await scheduleSale(seller, id, { amount: 700, from, minutes: 20 });
    await tick(from);
    const patched = await api(
      `/v1/seller/listings/${id}`,
      json({ price: eur(1100) }, { method: "PATCH", headers: seller.auth }),
    );
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ price: eur(700), listPrice: eur(1100) });
    // The price in force did not move: no history row for the new regular price yet.
    expect(await historyAmounts(id)).toEqual([1000, 700]);
    await tick(from + 20 * MINUTE);
    expect(await sellerView(seller, id)).toMatchObject({ price: eur(1100), listPrice: null });
    expect(await historyAmounts(id)).toEqual([1000, 700, 1100]);
  });
});

describe("a CSV import while a sale is in force", () => {
  async function importRows(rows: string[]) {
    const response = await api("/v1/seller/imports", {
      method: "POST",
      headers: { ...seller.auth, "content-type": "text/csv" },
      body: ["isbn,sku,condition,price,currency,quantity", ...rows].join("\n"),
    });
    expect(response.status).toBe(202);
    const { importId } = await response.json<{ importId: string }>();
    return eventually(async () => {
      const status = await (await api(`/v1/seller/imports/${importId}`, { headers: seller.auth })).json<ImportStatus>();
      return status.status === "completed" ? status : undefined;
    });
  }

  it("changes the regular price, leaves the sale price alone, and refuses a row at or below the sale price", async () => {
    const { id } = await listBook(seller, { price: 1000, quantity: 1 });
    const { isbn13, sku } = await sellerView(seller, id);
    const from = await minuteStart();
    await scheduleSale(seller, id, { amount: 700, from, minutes: 20 });
    await tick(from);
    // The file's price is the regular one, which is what the listing already has: nothing changes.
    expect(await importRows([`${isbn13},${sku},very_good,10.00,EUR,1`])).toMatchObject({ rowsFailed: 0 });
    expect(await sellerView(seller, id)).toMatchObject({ price: eur(700), listPrice: eur(1000) });
    expect(await importRows([`${isbn13},${sku},very_good,11.50,EUR,1`])).toMatchObject({ rowsFailed: 0 });
    expect(await sellerView(seller, id)).toMatchObject({ price: eur(700), listPrice: eur(1150) });
    const refused = await importRows([`${isbn13},${sku},very_good,7.00,EUR,1`]);
    expect(refused).toMatchObject({ rowsFailed: 1, errors: [{ row: 2, field: "price" }] });
    expect(await historyAmounts(id)).toEqual([1000, 700]);
  });
});

describe("DELETE /v1/seller/listings/{id}/sale-prices/{salePriceId}", () => {
  it("withdraws a scheduled sale, and the listing's next switch moves to the one left", async () => {
    const { id } = await listBook(seller, { price: 1000 });
    const from = thisMinute() + 10 * MINUTE;
    const early = await scheduleSale(seller, id, { amount: 800, from, minutes: 10 });
    const later = await scheduleSale(seller, id, { amount: 850, from: from + 60 * MINUTE, minutes: 10 });
    expect((await removeSale(seller, id, early.id)).status).toBe(204);
    expect((await salesOf(seller, id)).items.map((sale) => sale.id)).toEqual([later.id]);
    expect(await nextSwitch(id)).toBe(from + 60 * MINUTE);
    expect((await removeSale(seller, id, later.id)).status).toBe(204);
    expect(await nextSwitch(id)).toBeNull();
    expect((await removeSale(seller, id, later.id)).status).toBe(404);
  });

  it("ends the sale in force at once: the regular price is back, with a history row, and the sale stays as ended", async () => {
    const { id } = await listBook(seller, { price: 1000 });
    const from = await minuteStart();
    const sale = await scheduleSale(seller, id, { amount: 650, from, minutes: 60 });
    await tick(from);
    expect(await sellerView(seller, id)).toMatchObject({ price: eur(650) });
    const before = Date.now();
    expect((await removeSale(seller, id, sale.id)).status).toBe(204);
    expect(await sellerView(seller, id)).toMatchObject({ price: eur(1000), listPrice: null, saleEndsAt: null });
    expect(await historyAmounts(id)).toEqual([1000, 650, 1000]);
    const [ended] = (await salesOf(seller, id)).items;
    expect(ended).toMatchObject({ id: sale.id, state: "ended" });
    expect(Date.parse(ended!.until)).toBeGreaterThanOrEqual(before);
    // Deleting it again changes nothing.
    expect((await removeSale(seller, id, sale.id)).status).toBe(204);
    expect(await historyAmounts(id)).toEqual([1000, 650, 1000]);
  });
});

describe("the console's listings pages", () => {
  it("show the sale price with the regular price struck through, and edit the regular price", async () => {
    const shop = await consoleShop({ price: 1000 });
    const id = shop.listingId;
    const from = await minuteStart();
    await scheduleSale(shop.seller, id, { amount: 800, from, minutes: 30 });
    await tick(from);
    const table = await (await shop.browser.get("/console/listings")).text();
    const row = table.slice(table.indexOf(`id="listing-${id}"`));
    expect(row).toMatch(/<strong>8\.00 EUR<\/strong> <del>10\.00 EUR<\/del>/);
    expect(row).toMatch(new RegExp(`id="price-${id}"[^>]*value="10.00"`));
    const editor = await (await shop.browser.get(`/console/listings/${id}`)).text();
    expect(editor).toContain("<del>10.00 EUR</del>");
    expect(editor).toMatch(/name="price"[^>]*value="10.00"|value="10.00"[^>]*name="price"/);
  });
});
