import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "../../queues/events";
import { bookAlerts, deliveries } from "../../schema/notifications";
import worker from "../../workers/index";
import type { BookAlertView } from "../../workers/notifications/schemas";
import { choose, db, deliverRepeatedly, feedOf, offer, quietPeriod, waitForFeed } from "../support/alerts";
import { testIsbn } from "../support/catalog";
import { api, asSeller, json, signUp, type TestAccount, type TestSeller } from "../support/identity";
import { waitForMail } from "../support/mail";
import { addToCart, eur, placeOrder } from "../support/orders";

/** Book alerts meet offers: a reader is told once, by the first listing event that shows a matching offer. */

let sellers: [TestSeller, TestSeller];
let books = 0;

beforeAll(async () => {
  sellers = [await asSeller(), await asSeller()];
});

/** A book known to the catalog with no copy for sale: one listing of it, sold out. */
async function soldOutBook(title = "The Tombs of Atuan") {
  const isbn = testIsbn(16_900 + ++books + Math.floor(Math.random() * 100_000) * 100);
  await offer(sellers[0], isbn, { quantity: 0, title });
  return isbn;
}

async function setAlert(reader: TestAccount, isbn: string, body: Record<string, unknown>) {
  const response = await api(`/v1/books/${isbn}/alerts`, json(body, { headers: reader.auth }));
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json<BookAlertView>();
}

/** A ListingCreated as the catalog emits it for a listing of one copy (the consumer reads the listing's state). */
const listedEvent = (listingId: string, seller: TestSeller, isbn13: string) =>
  createEvent("ListingCreated", {
    listingId,
    sellerId: seller.sellerId,
    editionId: "edn_from_the_catalog",
    isbn13,
    sku: "SKU",
    condition: "very_good",
    price: eur(1500),
    quantity: 1,
    status: "active",
  });

const alertRow = async (id: string) => (await db.select().from(bookAlerts).where(eq(bookAlerts.id, id)))[0]!;

describe("a back-in-stock alert", () => {
  it("tells the reader once when two matching offers appear at once, by mail and in the feed", async () => {
    const reader = await signUp({ verified: true });
    const isbn = await soldOutBook("The Tombs of Atuan");
    const alert = await setAlert(reader, isbn, { kind: "back_in_stock" });

    const offers = await Promise.all([
      offer(sellers[0], isbn, { price: 1100 }),
      offer(sellers[1], isbn, { price: 1300, condition: "good" }),
    ]);
    const [item] = await waitForFeed(reader.userId, "book-alert");
    expect(item).toMatchObject({
      category: "orders",
      title: "The Tombs of Atuan is back",
      data: { alertId: alert.id, isbn13: isbn },
    });
    expect(item!.link).toMatch(new RegExp(`/books/${isbn}$`));
    const [mail] = await waitForMail(reader.email, "book-alert");
    expect(mail!.subject).toBe('"The Tombs of Atuan" is back in stock on Book Bazaar');

    await quietPeriod();
    expect(await feedOf(reader.userId, "book-alert")).toHaveLength(1);
    expect(await waitForMail(reader.email, "book-alert")).toHaveLength(1);
    const met = await alertRow(alert.id);
    expect(met.firedAt).not.toBeNull();
    expect(offers.map((listing) => listing.id)).toContain(met.firedListingId);
  });

  it("tells once when two offers' events are handled at the same moment (the write of the second is refused)", async () => {
    const reader = await signUp({ verified: true });
    // Mail only: no feed item, whose unique source would also refuse a second notice.
    await choose(reader.userId, { orders: { in_app: false } });
    const isbn = await soldOutBook();
    const listings = await Promise.all([offer(sellers[0], isbn), offer(sellers[1], isbn)]);
    await quietPeriod();
    const alert = await setAlert(reader, isbn, { kind: "back_in_stock" });

    const batches = listings.map((listing, i) =>
      createMessageBatch("catalog-events", [
        { id: `together-${i}`, timestamp: new Date(), attempts: 1, body: listedEvent(listing.id, sellers[i]!, isbn) },
      ]),
    );
    const contexts = batches.map(() => createExecutionContext());
    await Promise.all(batches.map((batch, i) => worker.queue(batch, env, contexts[i]!)));
    const results = await Promise.all(batches.map((batch, i) => getQueueResult(batch, contexts[i]!)));
    expect(results.flatMap((result) => [...result.explicitAcks, ...result.retryMessages.map((m) => m.msgId)])).toEqual(
      expect.arrayContaining(["together-0", "together-1"]),
    );
    expect(await db.select().from(deliveries).where(eq(deliveries.eventId, alert.id))).toHaveLength(1);
    expect(await waitForMail(reader.email, "book-alert")).toHaveLength(1);
  });

  it("is told when the copies of a sold-out listing come back: a recount, or a lapsed hold given back", async () => {
    const reader = await signUp();
    const isbn = testIsbn(16_900 + ++books + Math.floor(Math.random() * 100_000) * 100);
    const listing = await offer(sellers[0], isbn, { quantity: 1 });
    const buyer = await signUp();
    await addToCart(buyer, listing.id);
    const { order } = await placeOrder(buyer);
    const held = await setAlert(reader, isbn, { kind: "back_in_stock" });
    const cancelled = await api(`/v1/orders/${order.id}/cancel`, json({}, { headers: buyer.auth }));
    expect(cancelled.status).toBe(200);
    const [item] = await waitForFeed(reader.userId, "book-alert");
    expect(item!.data).toMatchObject({ alertId: held.id, listingId: listing.id });

    const other = await signUp();
    const restocking = await offer(sellers[1], isbn, { quantity: 0 });
    const alert = await setAlert(other, isbn, { kind: "back_in_stock", condition: "very_good" });
    await quietPeriod(300);
    expect((await alertRow(alert.id)).firedAt).toBeNull();
    const recount = await api(
      `/v1/seller/listings/${restocking.id}`,
      json({ quantity: 2 }, { method: "PATCH", headers: sellers[1].auth }),
    );
    expect(recount.status).toBe(200);
    await waitForFeed(other.userId, "book-alert");
    expect((await alertRow(alert.id)).firedListingId).toBe(restocking.id);
  });

  it("waits for a copy at least as good as the condition asked", async () => {
    const reader = await signUp();
    const isbn = await soldOutBook();
    const alert = await setAlert(reader, isbn, { kind: "back_in_stock", condition: "very_good" });
    await offer(sellers[0], isbn, { condition: "good" });
    await offer(sellers[0], isbn, { condition: "acceptable" });
    await quietPeriod();
    expect(await feedOf(reader.userId, "book-alert")).toHaveLength(0);
    const better = await offer(sellers[1], isbn, { condition: "like_new" });
    await waitForFeed(reader.userId, "book-alert");
    expect((await alertRow(alert.id)).firedListingId).toBe(better.id);
  });

  it("is never met by a paused listing", async () => {
    const reader = await signUp();
    const isbn = await soldOutBook();
    const alert = await setAlert(reader, isbn, { kind: "back_in_stock" });
    const listing = await offer(sellers[0], isbn, { quantity: 0 });
    await api(
      `/v1/seller/listings/${listing.id}`,
      json({ status: "paused" }, { method: "PATCH", headers: sellers[0].auth }),
    );
    await api(
      `/v1/seller/listings/${listing.id}`,
      json({ quantity: 3 }, { method: "PATCH", headers: sellers[0].auth }),
    );
    await quietPeriod();
    expect((await alertRow(alert.id)).firedAt).toBeNull();
  });

  it("is one notice when the same ListingCreated is delivered twice", async () => {
    const reader = await signUp();
    const isbn = await soldOutBook();
    // Listed before the alert exists, so only the event delivered below can meet it.
    const listing = await offer(sellers[0], isbn, { quantity: 2 });
    await quietPeriod();
    await setAlert(reader, isbn, { kind: "back_in_stock" });
    const event = listedEvent(listing.id, sellers[0], isbn);
    await deliverRepeatedly("catalog-events", event);
    await deliverRepeatedly("catalog-events", event, 1);
    expect(await feedOf(reader.userId, "book-alert")).toHaveLength(1);
  });
});

describe("a price-below alert", () => {
  it("is met only by a copy offered under the price, in the reader's words", async () => {
    const reader = await signUp({ verified: true });
    const isbn = await soldOutBook("The Farthest Shore");
    const alert = await setAlert(reader, isbn, { kind: "price_below", price: eur(1000) });
    const listing = await offer(sellers[0], isbn, { price: 1000 });
    await offer(sellers[1], isbn, { price: 1250 });
    await quietPeriod();
    expect(await feedOf(reader.userId, "book-alert")).toHaveLength(0);

    const cheaper = await api(
      `/v1/seller/listings/${listing.id}`,
      json({ price: eur(999) }, { method: "PATCH", headers: sellers[0].auth }),
    );
    expect(cheaper.status).toBe(200);
    const [item] = await waitForFeed(reader.userId, "book-alert");
    expect(item).toMatchObject({
      title: "The Farthest Shore: 9.99 EUR",
      data: { alertId: alert.id, listingId: listing.id },
    });
    const [mail] = await waitForMail(reader.email, "book-alert");
    expect(mail!.text).toContain("copy for 9.99 EUR, below the 10.00 EUR you asked to hear of");
  });
});

describe("an alert met by one offer", () => {
  it("is not told again by the next one", async () => {
    const reader = await signUp();
    const isbn = await soldOutBook();
    await setAlert(reader, isbn, { kind: "back_in_stock" });
    await offer(sellers[0], isbn);
    await waitForFeed(reader.userId, "book-alert");
    await offer(sellers[1], isbn);
    await quietPeriod();
    expect(await feedOf(reader.userId, "book-alert")).toHaveLength(1);
  });
});
