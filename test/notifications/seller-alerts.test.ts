import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { StockDO } from "../../durable-objects/stock";
import { createEvent } from "../../queues/events";
import { newId } from "../../workers/lib/ids";
import { confirmedSeller, deliverRepeatedly, feedOf, offer, quietPeriod, waitForFeed } from "../support/alerts";
import { testIsbn } from "../support/catalog";
import { api, asSeller, json, signUp } from "../support/identity";
import { waitForMail } from "../support/mail";
import { addToCart, eur, paidOrder, paidTwoSellerOrder } from "../support/orders";

/** A seller's alerts: a listing that ran low (once per crossing) and a new paid order. */

let books = 0;
const nextIsbn = () => testIsbn(16_100 + ++books + Math.floor(Math.random() * 100_000) * 100);
const MINUTE = 60_000;

async function buy(listingId: string, quantity: number) {
  const buyer = await signUp();
  await addToCart(buyer, listingId, { quantity });
  return paidOrder(buyer);
}

describe("a seller's low-stock alert", () => {
  it("reaches the seller's feed and mailbox once when a sale takes the listing to its warning level", async () => {
    const seller = await confirmedSeller();
    const listing = await offer(seller, nextIsbn(), {
      quantity: 4,
      lowStockThreshold: 2,
      title: "A Wizard of Earthsea",
    });

    await buy(listing.id, 2);
    const [item] = await waitForFeed(seller.userId, "stock-low");
    expect(item).toMatchObject({
      category: "seller_alerts",
      title: "Low stock: A Wizard of Earthsea",
      body: "2 copies left (warning level 2)",
      data: { listingId: listing.id, available: 2, threshold: 2 },
    });
    expect(item!.link).toMatch(new RegExp(`/console/listings/${listing.id}$`));
    const [mail] = await waitForMail(seller.email, "stock-low");
    expect(mail!.subject).toBe("Low stock: A Wizard of Earthsea has 2 copies left");
    expect(mail!.text).toContain("down to 2 copies available");

    // Still low after the next sale: the same shortage, told once.
    await buy(listing.id, 1);
    await quietPeriod();
    expect(await feedOf(seller.userId, "stock-low")).toHaveLength(1);
    expect(await waitForMail(seller.email, "stock-low")).toHaveLength(1);
  });

  it("warns again after the seller restocked above the level and sales took it down once more", async () => {
    const seller = await asSeller();
    const listing = await offer(seller, nextIsbn(), { quantity: 2, lowStockThreshold: 1 });
    await buy(listing.id, 1);
    await waitForFeed(seller.userId, "stock-low");

    const restocked = await api(
      `/v1/seller/listings/${listing.id}`,
      json({ quantity: 5 }, { method: "PATCH", headers: seller.auth }),
    );
    expect(restocked.status).toBe(200);
    await buy(listing.id, 4);
    const items = await waitForFeed(seller.userId, "stock-low", 2);
    expect(items.map((item) => item.data.available)).toEqual([1, 1]);
  });

  it("is one StockLow per crossing in the listing's StockDO: a hold that lapses and is taken again warns no more", async () => {
    const listingId = newId("lst");
    const stock = env.STOCK.getByName(listingId);
    const lows = await runInDurableObject(stock, (instance: StockDO, state) => {
      const count = () =>
        state.storage.sql
          .exec<{ envelope: string }>("SELECT envelope FROM outbox ORDER BY seq")
          .toArray()
          .filter((row) => (JSON.parse(row.envelope) as { type: string }).type === "StockLow").length;
      instance.setQuantity(listingId, 3, 1);
      instance.reserve("rsv_first", "ord_first", 2, MINUTE);
      const first = count();
      instance.release("rsv_first");
      instance.reserve("rsv_second", "ord_second", 2, MINUTE);
      const afterLapse = count();
      instance.setLowThreshold(1);
      instance.setQuantity(listingId, 6);
      instance.reserve("rsv_third", "ord_third", 3, MINUTE);
      return { first, afterLapse, afterRestock: count() };
    });
    // One row per queue the event goes to: StockLow goes to one.
    expect(lows).toEqual({ first: 1, afterLapse: 1, afterRestock: 2 });
  });

  it("is one feed item when the same StockLow is delivered twice", async () => {
    const seller = await asSeller();
    const listing = await offer(seller, nextIsbn(), { quantity: 3 });
    const event = createEvent("StockLow", {
      listingId: listing.id,
      onHand: 3,
      held: 2,
      available: 1,
      version: 9,
      threshold: 1,
    });
    await deliverRepeatedly("order-events", event);
    await deliverRepeatedly("order-events", event, 1);
    const items = await feedOf(seller.userId, "stock-low");
    expect(items).toHaveLength(1);
    expect(items[0]!.sourceKey).toBe(`${event.id}:stock-low`);
  });
});

describe("a seller's new paid order", () => {
  it("tells each seller of an order about their own part", async () => {
    const { sellers, parts, order } = await paidTwoSellerOrder([1000, 4000]);
    for (const [i, seller] of sellers.entries()) {
      const [item] = await waitForFeed(seller.userId, "seller-order-paid");
      expect(item).toMatchObject({
        category: "seller_alerts",
        title: `New paid order ${parts[i]!.id}`,
        data: { orderId: order.id, sellerOrderId: parts[i]!.id },
      });
      expect(item!.body).toMatch(/^1 book, \d+\.\d{2} EUR, standard shipping$/);
      expect(item!.link).toMatch(new RegExp(`/console/orders/${parts[i]!.id}$`));
    }
  });

  it("mails a confirmed seller the books to ship", async () => {
    const seller = await confirmedSeller();
    const listing = await offer(seller, nextIsbn(), { quantity: 3, title: "The Dispossessed" });
    const { order } = await buy(listing.id, 2);
    const [mail] = await waitForMail(seller.email, "seller-order-paid");
    expect(mail!.subject).toMatch(new RegExp(`^New order ${order.sellerOrders[0]!.id}: 2 books, `));
    expect(mail!.text).toContain("2 × The Dispossessed");
  });

  it("is one notice per seller when the same OrderPaid is delivered twice", async () => {
    const seller = await asSeller();
    const sellerOrderId = newId("sor");
    const event = createEvent("OrderPaid", {
      orderId: newId("ord"),
      buyerId: newId("usr"),
      buyer: null,
      paidAt: new Date().toISOString(),
      totals: { items: eur(900), covers: eur(0), shipping: eur(450), tax: eur(0), total: eur(1350) },
      shippingMethod: "express",
      shippingAddress: { name: "Ada Reader", city: "Berlin", country: "DE" },
      sellerOrders: [{ sellerOrderId, sellerId: seller.sellerId, shipping: eur(450), total: eur(1350) }],
      lines: [
        {
          lineId: newId("oln"),
          sellerOrderId,
          title: "Lathe of Heaven",
          quantity: 1,
          unitPrice: eur(900),
          cover: null,
          coverPrice: eur(0),
          inscription: null,
          lineTotal: eur(900),
        },
      ],
    });
    await deliverRepeatedly("notifications", event);
    const items = await feedOf(seller.userId, "seller-order-paid");
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ body: "1 book, 13.50 EUR, express shipping", data: { sellerOrderId } });
  });
});
