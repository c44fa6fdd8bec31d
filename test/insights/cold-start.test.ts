import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../workers/config";
import { insightsContext, rebuildRecommendations } from "../../workers/insights";
import { recordPurchases, recordViewers } from "../../workers/insights/recommendations/store";
import { atomically } from "../../workers/platform/db";
import { addBooks, addCategories, addListing, catalogContext, fakeSellerId, testIsbn } from "../support/catalog";
import { api, signUp, type TestAccount } from "../support/identity";

// Two shelves, crime and poetry, each sold one copy at a time (so nobody bought two editions together): the
// poem sells most overall, the crime novels within crime. A new crime novel has no recommendations of its own.
const ctx = catalogContext();
const insights = () => insightsContext({ services: ctx.services, config: loadConfig(env), log: ctx.log });
const POEMS = testIsbn(8_101);
const CRIME_FIRST = testIsbn(8_201);
const CRIME_SECOND = testIsbn(8_202);
const NEW_CRIME = testIsbn(8_203);
const CRIME_OUT_OF_PRINT = testIsbn(8_204);
let browser: TestAccount;

type Reply = { isbn13: string }[];
const isbns = (list: Reply) => list.map((book) => book.isbn13);

beforeAll(async () => {
  await addCategories(ctx, [
    ["cold-crime", "Cold Crime"],
    ["cold-poetry", "Cold Poetry"],
  ]);
  const book = (isbn: string, category: string) => ({
    isbn,
    title: `Book ${isbn}`,
    authors: ["A"],
    categories: [category],
  });
  await addBooks(ctx, [
    book(POEMS, "cold-poetry"),
    book(CRIME_FIRST, "cold-crime"),
    book(CRIME_SECOND, "cold-crime"),
    book(NEW_CRIME, "cold-crime"),
    book(CRIME_OUT_OF_PRINT, "cold-crime"),
  ]);
  const sellerId = fakeSellerId();
  for (const isbn of [POEMS, CRIME_FIRST, CRIME_SECOND, NEW_CRIME]) await addListing(ctx, sellerId, { isbn });
  const sales = [
    POEMS,
    POEMS,
    POEMS,
    POEMS,
    CRIME_OUT_OF_PRINT,
    CRIME_OUT_OF_PRINT,
    CRIME_FIRST,
    CRIME_FIRST,
    CRIME_SECOND,
  ];
  browser = await signUp();
  const { db } = ctx.services;
  await atomically(db, [
    ...recordPurchases(
      db,
      sales.map((isbn13, n) => ({
        orderId: `ord_cold_${n}`,
        isbn13,
        buyerId: `usr_cold_${n}`,
        day: "2026-11-20",
        quantity: 1,
      })),
    ),
    ...recordViewers(db, [{ viewerKey: browser.userId, isbn13: NEW_CRIME, day: "2026-11-21", userId: browser.userId }]),
  ]);
  await rebuildRecommendations(insights());
});

describe("a book nobody bought or looked at with another", () => {
  it("gets its category's best sellers for sale, most sold first, not itself", async () => {
    const response = await api(`/v1/books/${NEW_CRIME}/recommendations`);
    expect(response.status).toBe(200);
    const body = await response.json<{ boughtTogether: Reply; alsoViewed: Reply; bestSellers: Reply }>();
    expect(body.boughtTogether).toEqual([]);
    expect(body.alsoViewed).toEqual([]);
    expect(isbns(body.bestSellers)).toEqual([CRIME_FIRST, CRIME_SECOND]);
  });

  it("leaves itself out when it is a best seller of its category", async () => {
    const body = await (await api(`/v1/books/${CRIME_FIRST}/recommendations`)).json<{ bestSellers: Reply }>();
    expect(isbns(body.bestSellers)).toEqual([CRIME_SECOND]);
  });
});

describe("a reader whose history leads nowhere yet", () => {
  it("gets the best sellers of the categories they looked in", async () => {
    const response = await api("/v1/me/recommendations", { headers: browser.auth });
    expect(response.status).toBe(200);
    const body = await response.json<{ items: Reply; basis: string }>();
    expect(body.basis).toBe("category_best_sellers");
    expect(isbns(body.items)).toEqual([CRIME_FIRST, CRIME_SECOND]);
  });

  it("a reader with no history at all gets the marketplace's best sellers", async () => {
    const newcomer = await signUp();
    const body = await (await api("/v1/me/recommendations", { headers: newcomer.auth })).json<{
      items: Reply;
      basis: string;
    }>();
    expect(body.basis).toBe("best_sellers");
    expect(isbns(body.items)).toEqual([POEMS, CRIME_FIRST, CRIME_SECOND]);
  });
});
