import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { StockDO } from "../../durable-objects/stock";
import type { ListingView } from "../../workers/catalog/offers";
import { lowStockListings } from "../../workers/catalog/service";
import { reservationIdFor } from "../../workers/inventory";
import { addBooks, catalogContext, testIsbn } from "../support/catalog";
import { testDatabase } from "../support/database";
import { eventually } from "../support/eventually";
import { api, asSeller, json, signUp, type TestSeller } from "../support/identity";
import { addToCart, eur, placeOrder } from "../support/orders";

/**
 * A listing's low-stock threshold, set in the API and the CSV import, reaches its StockDO, so a sale or recount
 * that takes the copies available to it emits `StockLow`; the seller's dashboard lists such listings.
 */
const BOOK = testIsbn(1300);
const IMPORTED = testIsbn(1301);
const MINUTE = 60_000;
let seller: TestSeller;

beforeAll(async () => {
  await addBooks(catalogContext(), [
    { isbn: BOOK, title: "The Remains of the Day", authors: ["Kazuo Ishiguro"] },
    { isbn: IMPORTED, title: "Never Let Me Go", authors: ["Kazuo Ishiguro"] },
  ]);
  seller = await asSeller({ shipsFrom: "DE" });
  const rates = { first: eur(450), additional: eur(100) };
  const shipping = await api(
    "/v1/seller/shipping-rates",
    json(
      { countries: ["DE"], domestic: rates, international: rates, express: rates },
      { method: "PUT", headers: seller.auth },
    ),
  );
  expect(shipping.status).toBe(200);
});

async function listCopies(quantity: number, lowStockThreshold?: number) {
  const response = await api(
    "/v1/seller/listings",
    json(
      {
        isbn: BOOK,
        sku: `ROD-${crypto.randomUUID().slice(0, 8)}`,
        condition: "good",
        price: eur(900),
        quantity,
        lowStockThreshold,
      },
      { headers: seller.auth },
    ),
  );
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json<ListingView>();
}

const stockOf = (listingId: string) => env.STOCK.getByName(listingId);

/** The event types a StockDO has written and not yet relayed; read in the turn of the change, before its alarm. */
function pendingEvents(state: DurableObjectState) {
  return state.storage.sql
    .exec<{ envelope: string }>("SELECT envelope FROM outbox ORDER BY seq")
    .toArray()
    .map((row) => JSON.parse(row.envelope) as { type: string; data: Record<string, unknown> });
}

describe("the low-stock threshold reaches the listing's StockDO", () => {
  it("is set on create, shown to the seller, kept off the public page, and 0 (off) by default", async () => {
    const watched = await listCopies(5, 2);
    expect(watched.lowStockThreshold).toBe(2);
    expect((await stockOf(watched.id).snapshot()).levels).toMatchObject({ onHand: 5, lowThreshold: 2 });
    const publicPage = await (await api(`/v1/listings/${watched.id}`)).json<Record<string, unknown>>();
    expect(publicPage).not.toHaveProperty("lowStockThreshold");

    const unwatched = await listCopies(5);
    expect(unwatched.lowStockThreshold).toBe(0);
    expect((await stockOf(unwatched.id).snapshot()).levels).toMatchObject({ lowThreshold: 0 });
  });

  it("changes alone on PATCH without touching the copies, and says so in ListingUpdated", async () => {
    const listing = await listCopies(4);
    const before = (await stockOf(listing.id).snapshot()).levels!;
    const response = await api(
      `/v1/seller/listings/${listing.id}`,
      json({ lowStockThreshold: 3 }, { method: "PATCH", headers: seller.auth }),
    );
    expect(response.status).toBe(200);
    expect(await response.json<ListingView>()).toMatchObject({ lowStockThreshold: 3, quantity: 4 });
    expect((await stockOf(listing.id).snapshot()).levels).toEqual({ ...before, lowThreshold: 3 });
    const updates = await testDatabase.prepare("SELECT envelope FROM outbox WHERE type = 'ListingUpdated'").all<{
      envelope: string;
    }>();
    const mine = updates.results.map((row) => JSON.parse(row.envelope).data).filter((d) => d.listingId === listing.id);
    expect(mine.map((data) => data.changes)).toEqual([["lowStockThreshold"]]);
  });

  it("goes with a recount to the StockDO in the same call", async () => {
    const listing = await listCopies(6, 1);
    const response = await api(
      `/v1/seller/listings/${listing.id}`,
      json({ quantity: 8, lowStockThreshold: 4 }, { method: "PATCH", headers: seller.auth }),
    );
    expect(response.status).toBe(200);
    expect((await stockOf(listing.id).snapshot()).levels).toMatchObject({ onHand: 8, lowThreshold: 4 });
  });
});

describe("StockLow", () => {
  it("is emitted by the reservation a checkout makes when it takes the copies available to the threshold", async () => {
    const listing = await listCopies(5, 2);
    const orderId = "ord_low_stock_1";
    const written = await runInDurableObject(stockOf(listing.id), (instance: StockDO, state) => {
      instance.reserve(reservationIdFor(orderId, listing.id), orderId, 2, MINUTE);
      expect(pendingEvents(state).map((event) => event.type)).not.toContain("StockLow");
      instance.reserve(reservationIdFor("ord_low_stock_2", listing.id), "ord_low_stock_2", 1, MINUTE);
      return pendingEvents(state);
    });
    expect(written.at(-1)).toMatchObject({
      type: "StockLow",
      data: { listingId: listing.id, available: 2, threshold: 2 },
    });
  });

  it("is emitted by a recount that takes the copies available to the threshold", async () => {
    const listing = await listCopies(5, 2);
    const written = await runInDurableObject(stockOf(listing.id), (instance: StockDO, state) => {
      instance.setQuantity(listing.id, 2);
      return pendingEvents(state);
    });
    expect(written.map((event) => event.type).slice(-2)).toEqual(["StockAdjusted", "StockLow"]);
    expect(written.at(-1)?.data).toMatchObject({ onHand: 2, available: 2, threshold: 2 });
  });

  it("is never emitted for a listing without a threshold", async () => {
    const listing = await listCopies(3);
    const written = await runInDurableObject(stockOf(listing.id), (instance: StockDO, state) => {
      instance.reserve("rsv_no_threshold", "ord_no_threshold", 3, MINUTE);
      return pendingEvents(state);
    });
    expect(written.map((event) => event.type)).not.toContain("StockLow");
  });
});

describe("the seller's low-stock listings", () => {
  it("lists an active listing once a buyer's checkout takes it to its threshold", async () => {
    const listing = await listCopies(3, 1);
    const ctx = catalogContext();
    expect((await lowStockListings(ctx, seller.sellerId, 10)).map((item) => item.id)).not.toContain(listing.id);
    const buyer = await signUp();
    await addToCart(buyer, listing.id, { quantity: 2 });
    await placeOrder(buyer);
    expect((await stockOf(listing.id).snapshot()).levels).toMatchObject({ available: 1, lowThreshold: 1 });
    const low = await eventually(async () => {
      const found = (await lowStockListings(ctx, seller.sellerId, 10)).find((item) => item.id === listing.id);
      return found;
    });
    expect(low).toMatchObject({ available: 1, lowStockThreshold: 1, status: "active" });
    const page = await (await api("/v1/seller/listings?lowStock=true&status=active", { headers: seller.auth })).json<{
      items: ListingView[];
    }>();
    expect(page.items.map((item) => item.id)).toContain(listing.id);
  });

  it("leaves out paused listings and listings above their threshold, fewest copies first", async () => {
    const fewer = await listCopies(1, 2);
    const more = await listCopies(2, 2);
    const paused = await listCopies(1, 5);
    await listCopies(9, 2);
    await api(`/v1/seller/listings/${paused.id}`, { method: "DELETE", headers: seller.auth });
    const ids = (await lowStockListings(catalogContext(), seller.sellerId, 100)).map((item) => item.id);
    expect(ids).not.toContain(paused.id);
    expect(ids.indexOf(fewer.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(fewer.id)).toBeLessThan(ids.indexOf(more.id));
    expect(await lowStockListings(catalogContext(), seller.sellerId, 1)).toHaveLength(1);
  });
});

describe("the CSV import's low_stock_threshold column", () => {
  async function importFile(csv: string) {
    const response = await api("/v1/seller/imports", {
      method: "POST",
      headers: { ...seller.auth, "content-type": "text/csv" },
      body: csv,
    });
    expect(response.status, await response.clone().text()).toBe(202);
    const { importId } = await response.json<{ importId: string }>();
    return eventually(async () => {
      const status = await (await api(`/v1/seller/imports/${importId}`, { headers: seller.auth })).json<{
        status: string;
        errors: { field: string }[];
      }>();
      return status.status === "completed" ? status : undefined;
    });
  }

  const bySku = async (sku: string) =>
    (
      await (await api(`/v1/seller/listings?q=${sku}`, { headers: seller.auth })).json<{ items: ListingView[] }>()
    ).items.find((item) => item.sku === sku)!;

  it("sets the threshold of imported listings, which their StockDO takes when it starts", async () => {
    const status = await importFile(
      `isbn,sku,condition,price,currency,quantity,low_stock_threshold\n${IMPORTED},NLMG-1,new,9.50,EUR,4,2\n${IMPORTED},NLMG-2,new,9.50,EUR,4,`,
    );
    expect(status.errors).toEqual([]);
    const watched = await bySku("NLMG-1");
    expect(watched.lowStockThreshold).toBe(2);
    expect((await bySku("NLMG-2")).lowStockThreshold).toBe(0);
    expect((await stockOf(watched.id).snapshot()).levels).toBeNull();
    expect((await api(`/v1/books/${IMPORTED}`)).status).toBe(200);
    expect((await stockOf(watched.id).snapshot()).levels).toMatchObject({ onHand: 4, lowThreshold: 2 });
  });

  it("changes a started listing's threshold in its StockDO, and keeps it when the column is left out", async () => {
    const listing = await listCopies(6, 1);
    await importFile(
      `isbn,sku,condition,price,currency,quantity,low_stock_threshold\n${BOOK},${listing.sku},good,9.00,EUR,6,3`,
    );
    expect((await bySku(listing.sku)).lowStockThreshold).toBe(3);
    expect((await stockOf(listing.id).snapshot()).levels).toMatchObject({ onHand: 6, lowThreshold: 3 });
    await importFile(`isbn,sku,condition,price,currency,quantity\n${BOOK},${listing.sku},good,9.00,EUR,5`);
    expect((await bySku(listing.sku)).lowStockThreshold).toBe(3);
    expect((await stockOf(listing.id).snapshot()).levels).toMatchObject({ onHand: 5, lowThreshold: 3 });
  });

  it("refuses a threshold that is not a whole number from 0 to 100000, on its row", async () => {
    const status = await importFile(
      `isbn,sku,condition,price,currency,quantity,low_stock_threshold\n${BOOK},BADT-1,new,9.00,EUR,1,-1\n${BOOK},BADT-2,new,9.00,EUR,1,200000`,
    );
    expect(status.errors.map((error) => error.field)).toEqual(["low_stock_threshold", "low_stock_threshold"]);
  });
});
