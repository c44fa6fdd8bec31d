import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { BookPage } from "../../workers/catalog/books";
import { planPriceSwitch, withEditionRefresh } from "../../workers/catalog/listing-plans";
import { switchPrices } from "../../workers/catalog/sale-timeline";
import { switchDuePrices } from "../../workers/catalog/service";
import { listingWithBook } from "../../workers/catalog/store/listings";
import {
  dueSales,
  insertSalePrice,
  isPriceSwitchConflict,
  isSaleOverlap,
} from "../../workers/catalog/store/sale-prices";
import worker from "../../workers/index";
import { atomically } from "../../workers/platform/db";
import { catalogContext } from "../support/catalog";
import { testDatabase } from "../support/database";
import { api, asSeller, signUp, type TestAccount, type TestSeller } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart } from "../support/orders";
import { eur, iso, MINUTE, minuteStart, salesOf, scheduleSale, sellerView, thisMinute } from "../support/sale-prices";

let seller: TestSeller;
let buyer: TestAccount;

beforeAll(async () => {
  [seller, buyer] = await Promise.all([asSeller(), signUp()]);
});

/** Runs the minute job's price switch as the cron would at `now`, and waits for what it sent after. */
async function tick(now: number): Promise<number> {
  const ctx = catalogContext();
  const switched = await switchDuePrices(ctx, now);
  await ctx.settled();
  return switched;
}

async function historyOf(listingId: string) {
  const response = await api(`/v1/listings/${listingId}/price-history?limit=100`);
  return (await response.json<{ items: { price: { amount: number }; changedAt: string }[] }>()).items.map((point) => [
    point.price.amount,
    point.changedAt,
  ]);
}

async function listingRow(listingId: string) {
  return testDatabase
    .prepare("SELECT price_amount, list_price_amount, price_changes_at, version FROM listings WHERE id = ?")
    .bind(listingId)
    .first<{
      price_amount: number;
      list_price_amount: number | null;
      price_changes_at: number | null;
      version: number;
    }>();
}

interface BookDetailBody {
  lowestPrice: { amount: number } | null;
  lowestListPrice: { amount: number } | null;
  offers: {
    listingId: string;
    price: { amount: number };
    listPrice: { amount: number } | null;
    saleEndsAt: string | null;
  }[];
}

async function bookPage(isbn13: string) {
  const response = await api(`/v1/books/${isbn13}`);
  expect(response.status).toBe(200);
  return { etag: response.headers.get("etag"), body: await response.json<BookDetailBody>() };
}

async function searchCard(isbn13: string) {
  const page = await (await api(`/v1/books?q=${isbn13}`)).json<BookPage>();
  return page.items.find((item) => item.isbn13 === isbn13);
}

describe("the minute job switches a sale price at its moment", () => {
  it("puts the sale in force from its minute, everywhere the price shows (cached reads included), and takes it out at its end", async () => {
    const { id } = await listBook(seller, { price: 1000, quantity: 3 });
    const { isbn13 } = await sellerView(seller, id);
    // Warm the caches with the regular price: the book page, the search page and the public listing.
    const before = await bookPage(isbn13);
    expect(before.body).toMatchObject({ lowestPrice: eur(1000), lowestListPrice: null });
    expect(await searchCard(isbn13)).toMatchObject({ lowestPrice: eur(1000), lowestListPrice: null });
    expect(await (await api(`/v1/listings/${id}`)).json()).toMatchObject({ price: eur(1000), listPrice: null });

    const from = await minuteStart();
    const until = from + 30 * MINUTE;
    const sale = await scheduleSale(seller, id, { amount: 800, from, minutes: 30 });
    expect(sale).toMatchObject({ state: "scheduled", from: iso(from), until: iso(until), price: eur(800) });
    // Scheduled, not yet switched: the price stays until the minute job runs.
    expect(await sellerView(seller, id)).toMatchObject({ price: eur(1000), listPrice: null, saleEndsAt: null });

    expect(await tick(from)).toBeGreaterThanOrEqual(1);

    expect(await sellerView(seller, id)).toMatchObject({
      price: eur(800),
      listPrice: eur(1000),
      saleEndsAt: iso(until),
    });
    expect(await (await api(`/v1/listings/${id}`)).json()).toMatchObject({ price: eur(800), listPrice: eur(1000) });
    const during = await bookPage(isbn13);
    expect(during.etag).not.toBe(before.etag);
    expect(during.body).toMatchObject({ lowestPrice: eur(800), lowestListPrice: eur(1000) });
    expect(during.body.offers.find((offer) => offer.listingId === id)).toMatchObject({
      price: eur(800),
      listPrice: eur(1000),
      saleEndsAt: iso(until),
    });
    expect(await searchCard(isbn13)).toMatchObject({ lowestPrice: eur(800), lowestListPrice: eur(1000) });
    const history = await historyOf(id);
    expect(history.slice(-1)).toEqual([[800, iso(from)]]);
    expect((await salesOf(seller, id)).items).toEqual([expect.objectContaining({ id: sale.id, state: "in_force" })]);
    const events = await testDatabase
      .prepare("SELECT envelope FROM outbox WHERE type = 'ListingUpdated' AND envelope LIKE ?")
      .bind(`%${id}%`)
      .all<{ envelope: string }>();
    expect(events.results.map((row) => JSON.parse(row.envelope).data)).toEqual([
      expect.objectContaining({ changes: ["price"], price: eur(800), previousPrice: eur(1000) }),
    ]);

    // A retried run, or a later one before the sale ends, switches nothing more.
    const switched = await listingRow(id);
    await tick(from);
    await tick(from + MINUTE);
    expect(await listingRow(id)).toEqual(switched);
    expect(await historyOf(id)).toEqual(history);

    await tick(until);
    expect(await sellerView(seller, id)).toMatchObject({ price: eur(1000), listPrice: null, saleEndsAt: null });
    expect(await historyOf(id)).toEqual([...history, [1000, iso(until)]]);
    expect((await bookPage(isbn13)).body).toMatchObject({ lowestPrice: eur(1000), lowestListPrice: null });
    expect(await searchCard(isbn13)).toMatchObject({ lowestPrice: eur(1000), lowestListPrice: null });
    expect((await salesOf(seller, id)).items).toEqual([expect.objectContaining({ id: sale.id, state: "ended" })]);
    expect(await listingRow(id)).toMatchObject({ list_price_amount: null, price_changes_at: null });
  });

  it("runs from the cron's minute trigger", async () => {
    const { id } = await listBook(seller, { price: 1400 });
    await scheduleSale(seller, id, { amount: 1100, from: await minuteStart(), minutes: 10 });
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "* * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(await sellerView(seller, id)).toMatchObject({ price: eur(1100), listPrice: eur(1400) });
  });

  it("switches each sale once when two runs go at the same time", async () => {
    const { id } = await listBook(seller, { price: 1500 });
    const from = await minuteStart();
    await scheduleSale(seller, id, { amount: 1200, from, minutes: 10 });
    await Promise.all([tick(from), tick(from)]);
    expect(await sellerView(seller, id)).toMatchObject({ price: eur(1200), listPrice: eur(1500) });
    expect(await historyOf(id)).toEqual([
      [1500, expect.any(String)],
      [1200, iso(from)],
    ]);
  });

  it("moves from one sale straight into the next as one change, and skips a sale no run saw", async () => {
    const { id } = await listBook(seller, { price: 2000 });
    const from = await minuteStart();
    await scheduleSale(seller, id, { amount: 1800, from, minutes: 10 });
    await scheduleSale(seller, id, { amount: 1500, from: from + 10 * MINUTE, minutes: 10 });
    const missed = await scheduleSale(seller, id, { amount: 1000, from: from + 30 * MINUTE, minutes: 5 });
    await tick(from);
    await tick(from + 10 * MINUTE);
    expect(await sellerView(seller, id)).toMatchObject({ price: eur(1500), listPrice: eur(2000) });
    // The run at +40 minutes is the first after the third sale began, which ended at +35: it never took effect.
    await tick(from + 40 * MINUTE);
    expect(await sellerView(seller, id)).toMatchObject({ price: eur(2000), listPrice: null });
    expect((await historyOf(id)).slice(1)).toEqual([
      [1800, iso(from)],
      [1500, iso(from + 10 * MINUTE)],
      [2000, iso(from + 20 * MINUTE)],
    ]);
    const { items } = await salesOf(seller, id);
    expect(items.map((sale) => sale.state)).toEqual(["ended", "ended", "ended"]);
    expect(items[0]!.id).toBe(missed.id);
  });

  it("prices the cart at the sale price in force, and at the regular price once it ends", async () => {
    const { id } = await listBook(seller, { price: 1300, quantity: 2 });
    const from = await minuteStart();
    await scheduleSale(seller, id, { amount: 900, from, minutes: 15 });
    await tick(from);
    await addToCart(buyer, id);
    const cart = async () =>
      (
        await (
          await api("/v1/cart", { headers: buyer.auth })
        ).json<{
          lines: { listingId: string; unitPrice: { amount: number }; priceChanged: boolean }[];
        }>()
      ).lines.find((line) => line.listingId === id);
    expect(await cart()).toMatchObject({ unitPrice: eur(900), priceChanged: false });
    await tick(from + 15 * MINUTE);
    expect(await cart()).toMatchObject({ unitPrice: eur(1300), priceChanged: true });
  });
});

describe("the writes that keep sales from racing", () => {
  it("refuse a switch worked out from a listing that changed since it was read", async () => {
    const { id } = await listBook(seller, { price: 1000 });
    const from = await minuteStart();
    await scheduleSale(seller, id, { amount: 700, from, minutes: 10 });
    const ctx = catalogContext();
    const stale = await listingWithBook(ctx.db, id);
    const sales = await dueSales(ctx.db, [id], from);
    // Another run switches it first.
    await tick(from);
    const plan = planPriceSwitch(ctx, stale!.listing, stale!.isbn13, switchPrices(stale!.listing, sales, from), from);
    const late = await ctx.services.outbox.commit(withEditionRefresh(ctx, [plan], from), plan.events).catch((e) => e);
    expect(isPriceSwitchConflict(late)).toBe(true);
    expect(await historyOf(id)).toEqual([
      [1000, expect.any(String)],
      [700, iso(from)],
    ]);
  });

  it("refuse a sale that overlaps one written after the check before it", async () => {
    const { id } = await listBook(seller, { price: 1000 });
    const from = thisMinute() + 60 * MINUTE;
    await scheduleSale(seller, id, { amount: 700, from, minutes: 10 });
    const ctx = catalogContext();
    const row = {
      id: `lsp_${"1".repeat(32)}`,
      listingId: id,
      amount: 600,
      startsAt: from + 5 * MINUTE,
      endsAt: from + 20 * MINUTE,
      state: "scheduled" as const,
      createdAt: Date.now(),
    };
    const refused = await atomically(ctx.db, [insertSalePrice(ctx.db, row)]).catch((e) => e);
    expect(isSaleOverlap(refused)).toBe(true);
    await atomically(ctx.db, [insertSalePrice(ctx.db, { ...row, startsAt: from + 10 * MINUTE })]);
    expect((await salesOf(seller, id)).items.map((sale) => sale.price.amount)).toEqual([600, 700]);
  });
});
