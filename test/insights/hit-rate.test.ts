import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { bestSellersFor, heldOutSplit, readingHistory, shelvesOf } from "../../scripts/seed/readers.mjs";
import { loadConfig } from "../../workers/config";
import { insightsContext, rebuildRecommendations } from "../../workers/insights";
import { hitRateAt } from "../../workers/insights/recommendations/scores";
import { readerRecommendations } from "../../workers/insights/recommendations/service";
import { recordPurchases, recordViewers } from "../../workers/insights/recommendations/store";
import { atomically } from "../../workers/platform/db";
import { addBooks, addListing, catalogContext, fakeSellerId, testIsbn } from "../support/catalog";

// The demo seed's kind of history on a small shelf: 12 authors of 4 books each, 120 readers who each prefer one or
// two authors, some best sellers, some noise. Each reader's last order is held out; the recommender, built by the
// daily job from the rest, must find the held-out book in its top 10 more often than the best sellers do.
const ctx = catalogContext();
const insights = () => insightsContext({ services: ctx.services, config: loadConfig(env), log: ctx.log });
const AUTHORS = 12;
const BOOKS_EACH = 4;
const READERS = 120;
const books = Array.from({ length: AUTHORS * BOOKS_EACH }, (_, i) => ({
  isbn13: testIsbn(7_000 + i),
  author: `Author ${i % AUTHORS}`,
  category: "fiction",
}));
const history = readingHistory({
  shelves: shelvesOf(books),
  bestSellers: books.slice(0, 4).map((book) => book.isbn13),
  readers: READERS,
  seed: 19,
});
const { training, heldOut } = heldOutSplit(history);
const readerId = (reader: number) => `usr_reader_${reader}`;
const day = (at: number) =>
  new Date(Date.UTC(2026, 9, 1) + Math.floor(at * 42) * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  await addBooks(
    ctx,
    books.map((book) => ({ isbn: book.isbn13, title: `Book ${book.isbn13}`, authors: [book.author] })),
  );
  const sellerId = fakeSellerId();
  for (const book of books) await addListing(ctx, sellerId, { isbn: book.isbn13 });
  const { db } = ctx.services;
  const purchases = training.flatMap(({ reader, orders }) =>
    orders.flatMap((order, n) =>
      order.isbns.map((isbn13) => ({
        orderId: `ord_${reader}_${n}`,
        isbn13,
        buyerId: readerId(reader),
        day: day(order.at),
        quantity: 1,
      })),
    ),
  );
  const views = training.flatMap(({ reader, views }) =>
    views.map((view) => ({
      viewerKey: readerId(reader),
      isbn13: view.isbn,
      day: day(view.at),
      userId: readerId(reader),
    })),
  );
  const statements = [...recordPurchases(db, purchases), ...recordViewers(db, views)];
  for (let i = 0; i < statements.length; i += 100) await atomically(db, statements.slice(i, i + 100));
  await rebuildRecommendations(insights());
});

describe("hit rate @10 on held-out purchases", () => {
  it("is higher for the recommender than for the best sellers", async () => {
    const orders = training.flatMap((reader) => reader.orders.map((order) => order.isbns));
    const recommended = [];
    const baseline = [];
    for (const held of heldOut) {
      const reply = await readerRecommendations(insights(), readerId(held.reader));
      expect(reply.basis).toBe("history");
      recommended.push({ heldOut: held.isbn13, recommended: reply.items.map((item) => item.isbn13) });
      const bought = new Set(training.find((reader) => reader.reader === held.reader)?.orders.flatMap((o) => o.isbns));
      baseline.push({ heldOut: held.isbn13, recommended: bestSellersFor(bought, orders) });
    }
    expect(heldOut.length).toBeGreaterThan(60);
    expect(hitRateAt(10, recommended)).toBeGreaterThan(hitRateAt(10, baseline));
  });
});
