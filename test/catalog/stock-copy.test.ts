import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "../../queues/events";
import worker from "../../workers/index";
import { addBooks, addCategories, addListing, catalogContext, fakeSellerId, testIsbn } from "../support/catalog";
import { testDatabase } from "../support/database";
import { eventually } from "../support/eventually";
import { api } from "../support/http";

/**
 * A listing's StockDO is the authority for its stock; D1 keeps a copy for browse. Listing creation and
 * recounts go through the object, and its events bring the copy up to date within seconds.
 */
const ISBN = testIsbn(400);
const seller = fakeSellerId();

beforeAll(async () => {
  const ctx = catalogContext();
  await addCategories(ctx, [["poetry", "Poetry"]]);
  await addBooks(ctx, [{ isbn: ISBN, title: "Leaves of Grass", authors: ["Walt Whitman"], categories: ["poetry"] }]);
});

async function listingRow(id: string) {
  return testDatabase
    .prepare("SELECT quantity, available, status, stock_version, version FROM listings WHERE id = ?")
    .bind(id)
    .first<{ quantity: number; available: number; status: string; stock_version: number; version: number }>();
}

describe("stock: StockDO authority, D1 copy", () => {
  it("counts a new listing's copies in its StockDO", async () => {
    const listing = await addListing(catalogContext(), seller, { isbn: ISBN, quantity: 2 });
    const { levels } = await env.STOCK.getByName(listing.id).snapshot();
    expect(levels).toMatchObject({ onHand: 2, held: 0, available: 2 });
    expect(await listingRow(listing.id)).toMatchObject({ quantity: 2, available: 2, stock_version: levels!.version });
  });

  it("follows a hold and its release into browse within seconds", async () => {
    const listing = await addListing(catalogContext(), seller, {
      isbn: ISBN,
      quantity: 1,
      price: { amount: 150, currency: "EUR" },
    });
    const cheapest = async () =>
      (
        await (
          await api(`/v1/books?q=leaves%20of%20grass`)
        ).json<{ items: { lowestPrice: { amount: number } | null }[] }>()
      ).items[0]?.lowestPrice?.amount;
    expect(await cheapest()).toBe(150);

    const stock = env.STOCK.getByName(listing.id);
    expect(await stock.reserve("rsv_copy_1", "ord_copy_1", 1, 60_000)).toMatchObject({ ok: true });
    await eventually(async () => ((await listingRow(listing.id))?.available === 0 ? true : undefined));
    expect(await listingRow(listing.id)).toMatchObject({ quantity: 1, available: 0, status: "sold_out" });
    expect(await cheapest()).not.toBe(150);
    const page = await (await api(`/v1/listings/${listing.id}`)).json<{ available: number; status: string }>();
    expect(page).toMatchObject({ available: 0, status: "sold_out" });

    await stock.release("rsv_copy_1");
    await eventually(async () => ((await listingRow(listing.id))?.available === 1 ? true : undefined));
    expect(await listingRow(listing.id)).toMatchObject({ status: "active" });
    expect(await cheapest()).toBe(150);
  });

  it("applies a stock event delivered twice once, and ignores levels older than the copy", async () => {
    const listing = await addListing(catalogContext(), seller, { isbn: ISBN, quantity: 5 });
    const before = (await listingRow(listing.id))!;
    const adjusted = createEvent("StockAdjusted", {
      listingId: listing.id,
      onHand: 4,
      held: 0,
      available: 4,
      version: before.stock_version + 1,
      change: "set",
      reason: "test",
    });
    const batch = createMessageBatch("order-events", [
      { id: "stock-1", timestamp: new Date(), attempts: 1, body: adjusted },
      { id: "stock-2", timestamp: new Date(), attempts: 1, body: adjusted },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["stock-1", "stock-2"]);
    expect(await listingRow(listing.id)).toMatchObject({ quantity: 4, available: 4, version: before.version + 1 });

    const stale = createEvent("StockAdjusted", {
      ...adjusted.data,
      onHand: 9,
      available: 9,
      version: before.stock_version,
    });
    const late = createMessageBatch("order-events", [
      { id: "stock-3", timestamp: new Date(), attempts: 1, body: stale },
    ]);
    const lateCtx = createExecutionContext();
    await worker.queue(late, env, lateCtx);
    await getQueueResult(late, lateCtx);
    expect(await listingRow(listing.id)).toMatchObject({ quantity: 4, available: 4 });
  });

  it("starts a seeded listing's StockDO from its D1 count when its book page is first opened", async () => {
    const listingId = `lst_${"a".repeat(24)}00000001`;
    const edition = await testDatabase
      .prepare("SELECT id FROM editions WHERE isbn13 = ?")
      .bind(ISBN)
      .first<string>("id");
    await testDatabase
      .prepare(
        `INSERT INTO listings (id, seller_id, edition_id, sku, condition, price_amount, currency, quantity, available, status, created_at, updated_at)
       VALUES (?, ?, ?, 'SEEDED-1', 'good', 99, 'EUR', 3, 3, 'active', 1, 1)`,
      )
      .bind(listingId, seller, edition)
      .run();
    expect((await env.STOCK.getByName(listingId).snapshot()).levels).toBeNull();
    const response = await api(`/v1/books/${ISBN}`);
    expect(response.status).toBe(200);
    expect((await env.STOCK.getByName(listingId).snapshot()).levels).toMatchObject({ onHand: 3, available: 3 });
    expect((await listingRow(listingId))?.stock_version).toBeGreaterThan(0);
  });
});
