import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createEvent } from "../../queues/events";
import worker from "../../workers/index";
import { testDatabase } from "../support/database";
import { eventually } from "../support/eventually";
import { api, asAdmin, asSeller, json, signUp } from "../support/identity";
import { listBook } from "../support/listings";

type Listing = { isbn13: string; status: string; available: number };
type BookPage = { offers: { listingId: string }[] };
type SearchHit = { isbn13: string; lowestPrice: { amount: number } | null };

const searchHit = async (isbn13: string) =>
  (await (await api(`/v1/books?q=${isbn13}`)).json<{ items: SearchHit[] }>()).items.find(
    (hit) => hit.isbn13 === isbn13,
  );

const listingOf = async (id: string) => (await api(`/v1/listings/${id}`)).json<Listing>();
const statusBecomes = (id: string, status: string) =>
  eventually(async () => {
    const shown = await listingOf(id);
    return shown.status === status ? shown : undefined;
  });

async function deliverTwice(type: "UserSuspended" | "UserUnsuspended", userId: string) {
  const event = createEvent(type, { userId });
  for (const ids of [[`${type}-1`, `${type}-2`], [`${type}-3`]]) {
    const batch = createMessageBatch(
      "order-events",
      ids.map((id, i) => ({ id, timestamp: new Date(), attempts: i + 1, body: event })),
    );
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(ids);
  }
}

const listingEvents = async (listingId: string) =>
  (
    await testDatabase
      .prepare("SELECT count(*) AS n FROM outbox WHERE type = 'ListingUpdated' AND instr(envelope, ?) > 0")
      .bind(`"listingId":"${listingId}"`)
      .first<{ n: number }>()
  )?.n ?? 0;

describe("a suspended seller's listings", () => {
  it("leave the book page and carts, and come back when the suspension is lifted", async () => {
    const admin = await asAdmin();
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 3 });
    const { isbn13 } = await listingOf(listing.id);
    expect(await searchHit(isbn13)).toMatchObject({ lowestPrice: { amount: 1200 } });
    const buyer = await signUp();

    const suspend = await api(
      `/v1/admin/users/${seller.userId}/suspend`,
      json({ reason: "counterfeit copies" }, { headers: admin.auth }),
    );
    expect(suspend.status).toBe(200);
    expect((await statusBecomes(listing.id, "paused")).available).toBe(3);
    const page = await (await api(`/v1/books/${isbn13}`)).json<BookPage>();
    expect(page.offers.map((offer) => offer.listingId)).not.toContain(listing.id);
    const add = await api("/v1/cart/items", json({ listingId: listing.id }, { headers: buyer.auth }));
    expect(add.status).toBe(409);
    expect((await searchHit(isbn13))?.lowestPrice ?? null).toBeNull();

    const lifted = await api(`/v1/admin/users/${seller.userId}/unsuspend`, json({}, { headers: admin.auth }));
    expect(lifted.status).toBe(200);
    await statusBecomes(listing.id, "active");
    const back = await (await api(`/v1/books/${isbn13}`)).json<BookPage>();
    expect(back.offers.map((offer) => offer.listingId)).toContain(listing.id);
    expect(await searchHit(isbn13)).toMatchObject({ lowestPrice: { amount: 1200 } });
  });

  it("are withheld and reinstated once when the events are delivered again", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 2 });
    const before = await listingEvents(listing.id);
    await deliverTwice("UserSuspended", seller.userId);
    expect(await listingOf(listing.id)).toMatchObject({ status: "paused", available: 2 });
    expect(await listingEvents(listing.id)).toBe(before + 1);
    await deliverTwice("UserUnsuspended", seller.userId);
    expect(await listingOf(listing.id)).toMatchObject({ status: "active", available: 2 });
    expect(await listingEvents(listing.id)).toBe(before + 2);
  });
});
