import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "../../queues/events";
import { loadConfig } from "../../workers/config";
import worker from "../../workers/index";
import { insightsContext, rebuildRecommendations } from "../../workers/insights";
import { addBooks, catalogContext, testIsbn } from "../support/catalog";
import { testDatabase } from "../support/database";
import { api, asSeller, signUp, type TestAccount } from "../support/identity";
import { listBook } from "../support/listings";

const ctx = catalogContext();
const insights = () => insightsContext({ services: ctx.services, config: loadConfig(env), log: ctx.log });
const NOT_FOR_SALE = testIsbn(961);
let forSale: string[] = [];
let reader: TestAccount;

const isbnOfListing = async (listingId: string) =>
  (await testDatabase
    .prepare("SELECT e.isbn13 AS isbn13 FROM listings l JOIN editions e ON e.id = l.edition_id WHERE l.id = ?")
    .bind(listingId)
    .first<string>("isbn13"))!;

const bought = (orderId: string, buyerId: string, isbns: string[]) =>
  Promise.all(
    isbns.map((isbn) =>
      testDatabase
        .prepare(
          "INSERT INTO insights_edition_purchases (order_id, isbn13, buyer_id, day, quantity) VALUES (?, ?, ?, ?, 1)",
        )
        .bind(orderId, isbn, buyerId, "2026-11-20")
        .run(),
    ),
  );

const recommendationRows = () =>
  testDatabase
    .prepare(
      "SELECT isbn13, kind, `rank`, recommended_isbn13, score FROM insights_edition_recommendations " +
        "ORDER BY isbn13, kind, `rank`",
    )
    .all<Record<string, unknown>>();

beforeAll(async () => {
  const seller = await asSeller();
  const listings = [];
  for (let i = 0; i < 3; i++) listings.push(await listBook(seller, { quantity: 2 }));
  forSale = await Promise.all(listings.map((listing) => isbnOfListing(listing.id)));
  await addBooks(ctx, [{ isbn: NOT_FOR_SALE, title: "Out of Print", authors: ["Nobody"] }]);
  reader = await signUp();
  const [first, second, third] = forSale as [string, string, string];
  // first is bought with second twice and with the unavailable edition three times; third with first once.
  await bought("ord_a", "usr_x", [first, second]);
  await bought("ord_b", "usr_y", [first, second]);
  await bought("ord_c", "usr_z", [first, NOT_FOR_SALE]);
  await bought("ord_d", "usr_z2", [first, NOT_FOR_SALE]);
  await bought("ord_e", "usr_z3", [first, NOT_FOR_SALE]);
  await bought("ord_f", reader.userId, [first, third]);
});

describe("the daily rebuild", () => {
  it("writes the same rows when run twice on the same history", async () => {
    await rebuildRecommendations(insights(), 1_000);
    const first = (await recommendationRows()).results;
    await rebuildRecommendations(insights(), 2_000);
    expect((await recommendationRows()).results).toEqual(first);
    expect(first.length).toBeGreaterThan(0);
  });
});

describe("GET /v1/books/{isbn}/recommendations", () => {
  it("lists the books bought together that are for sale, best first, with their lowest price", async () => {
    const [first, second, third] = forSale as [string, string, string];
    const response = await api(`/v1/books/${first}/recommendations`);
    expect(response.status).toBe(200);
    const body = await response.json<{ boughtTogether: { isbn13: string; lowestPrice: unknown }[] }>();
    // The unavailable edition scores highest (3 of 6 orders) and is left out.
    expect(body.boughtTogether.map((book) => book.isbn13)).toEqual([second, third]);
    expect(body.boughtTogether[0]!.lowestPrice).toEqual({ amount: 1200, currency: "EUR" });
  });

  it("answers an edition with no history with empty lists", async () => {
    const response = await api(`/v1/books/${NOT_FOR_SALE}/recommendations`);
    expect(response.status).toBe(200);
    const body = await response.json<{ boughtTogether: unknown[]; alsoViewed: unknown[] }>();
    expect(body.alsoViewed).toEqual([]);
  });

  it("refuses an invalid ISBN with a problem", async () => {
    const response = await api("/v1/books/9780000000000/recommendations");
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect((await response.json<{ code: string }>()).code).toBe("invalid_isbn");
  });
});

describe("GET /v1/me/recommendations", () => {
  it("needs a signed-in reader", async () => {
    const response = await api("/v1/me/recommendations");
    expect(response.status).toBe(401);
  });

  it("recommends from the reader's purchases, leaving out what they bought and what is not for sale", async () => {
    const [, second] = forSale as [string, string];
    const response = await api("/v1/me/recommendations", { headers: reader.auth });
    expect(response.status).toBe(200);
    const body = await response.json<{ items: { isbn13: string }[]; basis: string }>();
    expect(body.basis).toBe("history");
    expect(body.items.map((book) => book.isbn13)).toEqual([second]);
  });

  it("falls back to the best sellers for a reader with no history", async () => {
    const newcomer = await signUp();
    const response = await api("/v1/me/recommendations", { headers: newcomer.auth });
    const body = await response.json<{ items: { isbn13: string }[]; basis: string }>();
    expect(body.basis).toBe("best_sellers");
    expect(body.items.map((book) => book.isbn13)).toEqual(forSale);
  });
});

describe("viewer records", () => {
  it("records a viewer's look at an edition once per day, however often it is delivered", async () => {
    const [first] = forSale as [string];
    const viewed = createEvent("ProductViewed", {
      editionId: "edn_test",
      isbn13: first,
      userId: reader.userId,
      viewerKey: reader.userId,
    });
    const deliver = async (attempts: number) => {
      const batch = createMessageBatch("catalog-events", [
        { id: "look-1", timestamp: new Date(), attempts, body: viewed },
        { id: "look-2", timestamp: new Date(), attempts, body: { ...viewed, id: `${viewed.id}x` } },
      ]);
      const context = createExecutionContext();
      await worker.queue(batch, env, context);
      return (await getQueueResult(batch, context)).explicitAcks;
    };
    expect(await deliver(1)).toEqual(["look-1", "look-2"]);
    expect(await deliver(2)).toEqual(["look-1", "look-2"]);
    const rows = await testDatabase
      .prepare("SELECT count(*) AS n FROM insights_edition_viewers WHERE viewer_key = ? AND isbn13 = ?")
      .bind(reader.userId, first)
      .first<number>("n");
    expect(Number(rows)).toBe(1);
  });
});
