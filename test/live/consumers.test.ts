import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { type Consumer, type ConsumerContext, consumeBatch } from "../../queues/consumer";
import type { EventEnvelope, EventType } from "../../queues/event-catalogue";
import { createEvent } from "../../queues/events";
import { loadConfig } from "../../workers/config";
import { createLogger } from "../../workers/lib/log";
import {
  liveChannelClosure,
  liveListingEdits,
  liveOrderStatus,
  liveSellerOrders,
  liveStockLevels,
} from "../../workers/live";
import { buildServices } from "../../workers/platform/services";
import { api, asSeller, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { type LiveSocket, liveTicket, openLive, settle, upgrade } from "../support/live";

const eur = (amount: number) => ({ amount, currency: "EUR" });

function consumerContext(): ConsumerContext {
  const config = loadConfig(env);
  const log = createLogger({ test: "live" });
  return { env, config, services: buildServices(env, config, createExecutionContext(), log), log };
}

/**
 * The event delivered twice through the queue path (the processed-event marker skips the second), then handled
 * once more as if the marker had never been written after the first publish: the LiveDO's memory of event ids
 * is what keeps that third time from sending a second message.
 */
async function deliverThrice(consumer: Consumer, queue: string, event: EventEnvelope<EventType>) {
  const context = consumerContext();
  for (const attempt of [1, 2]) {
    const ctx = createExecutionContext();
    const id = `msg-${event.id}-${attempt}`;
    const batch = createMessageBatch(queue, [{ id, timestamp: new Date(), attempts: attempt, body: event }]);
    await consumeBatch(batch, [consumer], context, async () => {
      throw new Error("no dead letters expected");
    });
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual([id]);
  }
  await consumer.handle(event, context);
  await settle();
}

const ofType = (live: LiveSocket, type: string) => live.messages().filter((message) => message.type === type);

describe("the live channel's consumers, each under redelivery", () => {
  it("OrderStatusChanged: the buyer and the seller order's seller, once each", async () => {
    const [seller, buyer] = await Promise.all([asSeller(), signUp()]);
    const [buyers, sellers] = await Promise.all([openLive(buyer), openLive(seller)]);
    const event = createEvent("OrderStatusChanged", {
      orderId: "ord_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f",
      sellerOrderId: "sor_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f",
      from: "paid",
      to: "shipped",
      actor: `seller:${seller.sellerId}`,
      reason: null,
      buyerId: buyer.userId,
      sellerId: seller.sellerId,
    });
    await deliverThrice(liveOrderStatus, "order-events", event);
    const data = {
      orderId: event.data.orderId,
      sellerOrderId: event.data.sellerOrderId,
      from: "paid",
      to: "shipped",
    };
    expect(ofType(buyers, "order_status").map((message) => message.data)).toEqual([data]);
    expect(ofType(sellers, "order_status").map((message) => message.data)).toEqual([data]);
    buyers.close();
    sellers.close();
  });

  it("OrderPaid: each seller hears of their part, once", async () => {
    const [seller, buyer] = await Promise.all([asSeller(), signUp()]);
    const sellers = await openLive(seller);
    const sellerOrderId = "sor_0192f0c4a1b27c3e8d5f6a7b8c9d0e2a";
    const line = (lineId: string, quantity: number, otherPart = false) => ({
      lineId,
      sellerOrderId: otherPart ? "sor_0192f0c4a1b27c3e8d5f6a7b8c9d0e2b" : sellerOrderId,
      title: "A Quiet Shelf",
      quantity,
      unitPrice: eur(1000),
      cover: null,
      coverPrice: eur(0),
      inscription: null,
      lineTotal: eur(1000 * quantity),
    });
    const event = createEvent("OrderPaid", {
      orderId: "ord_0192f0c4a1b27c3e8d5f6a7b8c9d0e2a",
      buyerId: buyer.userId,
      buyer: null,
      paidAt: new Date().toISOString(),
      totals: { items: eur(4000), covers: eur(0), shipping: eur(0), tax: eur(0), total: eur(4000) },
      shippingMethod: "standard",
      shippingAddress: { name: "Ada Reader", city: "Berlin", country: "DE" },
      sellerOrders: [
        { sellerOrderId, sellerId: seller.sellerId, shipping: eur(0), total: eur(3000) },
        {
          sellerOrderId: "sor_0192f0c4a1b27c3e8d5f6a7b8c9d0e2b",
          sellerId: "sel_gone",
          shipping: eur(0),
          total: eur(1000),
        },
      ],
      lines: [line("oln_a", 2), line("oln_b", 1), line("oln_c", 1, true)],
    });
    await deliverThrice(liveSellerOrders, "order-events", event);
    expect(ofType(sellers, "seller_order").map((message) => message.data)).toEqual([
      { orderId: event.data.orderId, sellerOrderId, total: eur(3000), itemCount: 3 },
    ]);
    sellers.close();
  });

  it("ListingUpdated: the seller hears of a new price or status once, and of other edits not at all", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 2 });
    const sellers = await openLive(seller);
    const state = {
      listingId: listing.id,
      sellerId: seller.sellerId,
      editionId: "edn_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f",
      isbn13: "9780261102217",
      sku: "SKU-1",
      condition: "good" as const,
      price: eur(1500),
      quantity: 2,
      status: "paused" as const,
    };
    await deliverThrice(
      liveListingEdits,
      "catalog-events",
      createEvent("ListingUpdated", { ...state, changes: ["price", "status"], previousPrice: eur(1200) }),
    );
    await deliverThrice(
      liveListingEdits,
      "catalog-events",
      createEvent("ListingUpdated", { ...state, changes: ["photos"] }),
    );
    // The listing's own creation reaches the seller too (its stock, through the real queue): left out here.
    const edits = ofType(sellers, "listing").filter((message) => !("available" in message.data));
    expect(edits.map((message) => message.data)).toEqual([
      { listingId: listing.id, price: eur(1500), status: "paused" },
    ]);
    sellers.close();
  });

  it("StockAdjusted and StockCommitted: the listing's seller hears of the copies available, once each", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 4 });
    const sellers = await openLive(seller);
    const levels = { listingId: listing.id, onHand: 4, held: 0, available: 4, version: 7 };
    await deliverThrice(
      liveStockLevels,
      "order-events",
      createEvent("StockAdjusted", { ...levels, change: "set", reason: "seller" }),
    );
    await deliverThrice(
      liveStockLevels,
      "order-events",
      createEvent("StockCommitted", {
        ...levels,
        onHand: 3,
        available: 3,
        version: 8,
        reservationId: "rsv_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f",
        orderId: "ord_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f",
        quantity: 1,
      }),
    );
    const delivered = ofType(sellers, "listing").filter((message) => Number(message.data.stockVersion) >= 7);
    expect(delivered.map((message) => message.data)).toEqual([
      { listingId: listing.id, available: 4, stockVersion: 7 },
      { listingId: listing.id, available: 3, stockVersion: 8 },
    ]);
    sellers.close();
  });

  it("UserDeleted: the account's sockets close, its tickets and messages go, and no new ticket is given", async () => {
    const reader = await signUp();
    const channel = env.LIVE.getByName(reader.userId);
    await channel.publish({ type: "order_status", data: { n: 1 } });
    const live = await openLive(reader);
    const { ticket } = await liveTicket(reader);
    await deliverThrice(liveChannelClosure, "order-events", createEvent("UserDeleted", { userId: reader.userId }));
    await expect.poll(() => live.closed?.code).toBe(4001);
    expect((await upgrade({ ticket })).status).toBe(401);
    expect(await channel.publish({ type: "order_status", data: { n: 2 } })).toBeNull();
    const refused = await api("/v1/me/live-ticket", { method: "POST", headers: reader.auth });
    expect(refused.status).toBe(401);
  });
});
