import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createEvent } from "../../queues/events";
import worker from "../../workers/index";
import { testDatabase } from "../support/database";
import { eventually } from "../support/eventually";
import { api, asSeller, json, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import {
  addToCart,
  checkout,
  orderRow,
  placeOrder,
  settlePayment,
  stockLevels,
  waitForOrderStatus,
} from "../support/orders";

type Listing = { isbn13: string; status: string; available: number };
type BookPage = { offers: { listingId: string }[] };

const listingOf = async (id: string) => (await api(`/v1/listings/${id}`)).json<Listing>();

/** Delivers the same UserDeleted event twice in one batch, then once more, straight to the Worker's consumers. */
async function deliverTwice(userId: string) {
  const event = createEvent("UserDeleted", { userId });
  for (const ids of [["ud-1", "ud-2"], ["ud-3"]]) {
    const batch = createMessageBatch(
      "order-events",
      ids.map((id, i) => ({ id, timestamp: new Date(), attempts: i + 1, body: event })),
    );
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(ids);
  }
  return event;
}

const markers = async (consumer: string, eventId: string) =>
  (
    await testDatabase
      .prepare("SELECT count(*) AS n FROM processed_events WHERE consumer = ? AND event_id = ?")
      .bind(consumer, eventId)
      .first<{ n: number }>()
  )?.n;

const listingEvents = async (listingId: string) =>
  (
    await testDatabase
      .prepare("SELECT count(*) AS n FROM outbox WHERE type = 'ListingUpdated' AND instr(envelope, ?) > 0")
      .bind(`"listingId":"${listingId}"`)
      .first<{ n: number }>()
  )?.n;

describe("a deleted seller's listings", () => {
  it("leave the book page, carts and checkout, and a payment arriving later for a held copy is refunded", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 3 });
    const { isbn13 } = await listingOf(listing.id);
    const [paying, browsing, late] = [await signUp(), await signUp(), await signUp()];
    await addToCart(paying, listing.id);
    const pending = await placeOrder(paying);
    await addToCart(browsing, listing.id);

    const deleted = await api(
      "/v1/me",
      json({ password: seller.password }, { method: "DELETE", headers: seller.auth }),
    );
    expect(deleted.status).toBe(204);

    const withdrawn = await eventually(async () => {
      const shown = await listingOf(listing.id);
      return shown.status === "paused" ? shown : undefined;
    });
    expect(withdrawn.available).toBe(0);
    expect(await stockLevels(listing.id)).toEqual({ onHand: 0, held: 0, available: 0 });
    const page = await (await api(`/v1/books/${isbn13}`)).json<BookPage>();
    expect(page.offers.map((offer) => offer.listingId)).not.toContain(listing.id);

    const add = await api("/v1/cart/items", json({ listingId: listing.id }, { headers: late.auth }));
    expect(add.status).toBe(409);
    expect((await add.json<{ code: string }>()).code).toBe("listing_unavailable");
    const refused = await checkout(browsing);
    expect(refused.status).toBe(409);
    expect((await refused.json<{ code: string }>()).code).toBe("listing_unavailable");

    await settlePayment(pending.payment.id, "succeed");
    const cancelled = await waitForOrderStatus(pending.order.id, "cancelled");
    expect(cancelled.cancelReason).toBe("stock_unavailable_after_payment");
    const refunded = await eventually(async () => {
      const row = await orderRow(pending.order.id);
      return row && row.refundedTotal === row.total ? row : undefined;
    });
    expect(refunded.paidAt).toBeNull();
    expect(await stockLevels(listing.id)).toEqual({ onHand: 0, held: 0, available: 0 });
  });

  it("are withdrawn once when the same UserDeleted event is delivered again", async () => {
    const seller = await asSeller();
    const [first, second] = [await listBook(seller, { quantity: 2 }), await listBook(seller, { quantity: 1 })];
    const before = await listingEvents(first.id);
    const event = await deliverTwice(seller.userId);

    for (const { id } of [first, second]) {
      expect(await listingOf(id)).toMatchObject({ status: "paused", available: 0 });
      expect(await stockLevels(id)).toEqual({ onHand: 0, held: 0, available: 0 });
    }
    expect(await listingEvents(first.id)).toBe((before ?? 0) + 1);
    expect(await markers("catalog.seller-withdrawal", event.id)).toBe(1);
  });
});

describe("a deleted user's cart", () => {
  it("is emptied by account deletion", async () => {
    const listing = await listBook(await asSeller(), { quantity: 2 });
    const buyer = await signUp();
    await addToCart(buyer, listing.id);
    const deleted = await api("/v1/me", json({ password: buyer.password }, { method: "DELETE", headers: buyer.auth }));
    expect(deleted.status).toBe(204);
    await eventually(async () =>
      (await env.CART.getByName(`user:${buyer.userId}`).lines()).length ? undefined : true,
    );
  });

  it("is emptied once when the same UserDeleted event is delivered again", async () => {
    const listing = await listBook(await asSeller(), { quantity: 2 });
    const buyer = await signUp();
    await addToCart(buyer, listing.id, { quantity: 2 });
    const event = await deliverTwice(buyer.userId);
    expect(await env.CART.getByName(`user:${buyer.userId}`).lines()).toEqual([]);
    expect(await markers("cart.deleted-user", event.id)).toBe(1);
    expect((await stockLevels(listing.id)).available).toBe(2);
  });
});
