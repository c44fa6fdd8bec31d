import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../workers/config";
import { insightsContext, rebuildRecommendations } from "../../workers/insights";
import { recordPurchases } from "../../workers/insights/recommendations/store";
import { atomically } from "../../workers/platform/db";
import { addBooks, addListing, catalogContext, fakeSellerId, testIsbn } from "../support/catalog";
import { api } from "../support/identity";

// The book page carries its top "bought together" editions, through the hook workers/app.ts gives the catalog.
const ctx = catalogContext();
const insights = () => insightsContext({ services: ctx.services, config: loadConfig(env), log: ctx.log });
const PAGE = testIsbn(8_301);
const OFTEN = testIsbn(8_302);
const ONCE = testIsbn(8_303);
const OUT_OF_PRINT = testIsbn(8_304);
const ALONE = testIsbn(8_305);

type BookPage = { boughtTogether: { isbn13: string; title: string; lowestPrice: unknown }[] };

beforeAll(async () => {
  await addBooks(
    ctx,
    [PAGE, OFTEN, ONCE, OUT_OF_PRINT, ALONE].map((isbn) => ({ isbn, title: `Title ${isbn}`, authors: ["A"] })),
  );
  const sellerId = fakeSellerId();
  for (const isbn of [PAGE, OFTEN, ONCE, ALONE])
    await addListing(ctx, sellerId, { isbn, price: { amount: 1450, currency: "EUR" } });
  const baskets = [
    [PAGE, OFTEN],
    [PAGE, OFTEN],
    [PAGE, OUT_OF_PRINT],
    [PAGE, OUT_OF_PRINT],
    [PAGE, OUT_OF_PRINT],
    [PAGE, ONCE],
  ];
  const { db } = ctx.services;
  await atomically(
    db,
    recordPurchases(
      db,
      baskets.flatMap((basket, n) =>
        basket.map((isbn13) => ({
          orderId: `ord_page_${n}`,
          isbn13,
          buyerId: `usr_page_${n}`,
          day: "2026-11-20",
          quantity: 1,
        })),
      ),
    ),
  );
  await rebuildRecommendations(insights());
});

describe("GET /v1/books/{isbn}: bought together", () => {
  it("lists the editions bought with it that are for sale, best first, with title and price in force", async () => {
    const response = await api(`/v1/books/${PAGE}`);
    expect(response.status).toBe(200);
    const page = await response.json<BookPage>();
    expect(page.boughtTogether).toEqual([
      { isbn13: OFTEN, title: `Title ${OFTEN}`, lowestPrice: { amount: 1450, currency: "EUR" } },
      { isbn13: ONCE, title: `Title ${ONCE}`, lowestPrice: { amount: 1450, currency: "EUR" } },
    ]);
  });

  it("is part of the cached page: the same validator answers 304", async () => {
    const first = await api(`/v1/books/${PAGE}`);
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await api(`/v1/books/${PAGE}`, { headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
  });

  it("is empty for an edition nobody bought with another", async () => {
    const page = await (await api(`/v1/books/${ALONE}`)).json<BookPage>();
    expect(page.boughtTogether).toEqual([]);
  });

  it("still refuses an invalid ISBN and answers 404 for an unknown one", async () => {
    expect((await api("/v1/books/9780000000000")).status).toBe(422);
    expect((await api(`/v1/books/${testIsbn(8_399)}`)).status).toBe(404);
  });
});
