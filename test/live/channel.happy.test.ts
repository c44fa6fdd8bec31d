import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, asSeller, json, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { type LiveSocket, openLive, settle } from "../support/live";
import { addToCart, paidOrder, ship } from "../support/orders";

const statusOf =
  (orderId: string, to: string, sellerOrderId: string | null = null) =>
  (data: Record<string, unknown>) =>
    data.orderId === orderId && data.to === to && data.sellerOrderId === sellerOrderId;

async function paidBook(opts: { quantity?: number } = {}) {
  const [seller, buyer] = await Promise.all([asSeller(), signUp()]);
  const listing = await listBook(seller, { quantity: opts.quantity ?? 3, price: 1250 });
  await addToCart(buyer, listing.id, { quantity: 2 });
  return { seller, buyer, listing, pay: () => paidOrder(buyer) };
}

const closeAll = (...sockets: LiveSocket[]) => {
  for (const socket of sockets) socket.close();
};

describe("the live channel (happy path)", () => {
  it("tells both of the buyer's tabs that the order was paid, and nobody else", async () => {
    const { buyer, pay } = await paidBook();
    const stranger = await signUp();
    const [tab1, tab2, strangers] = await Promise.all([openLive(buyer), openLive(buyer), openLive(stranger)]);
    const placed = await pay();
    const orderId = placed.order.id;
    const sellerOrderId = placed.order.sellerOrders[0]!.id;
    for (const tab of [tab1, tab2]) {
      const paid = await tab.next("order_status", statusOf(orderId, "paid"));
      expect(paid).toEqual({
        id: expect.stringMatching(/^\d+$/),
        type: "order_status",
        at: expect.any(String),
        data: { orderId, sellerOrderId: null, from: "pending_payment", to: "paid" },
      });
      await tab.next("order_status", statusOf(orderId, "paid", sellerOrderId));
    }
    expect(tab1.messages()).toEqual(tab2.messages());
    await settle();
    expect(strangers.messages()).toEqual([]);
    closeAll(tab1, tab2, strangers);
  });

  it("tells the seller of the new paid order, its status and the copies left", async () => {
    const { seller, listing, pay } = await paidBook({ quantity: 3 });
    const shop = await openLive(seller);
    const placed = await pay();
    const part = placed.order.sellerOrders[0]!;
    const sale = await shop.next("seller_order");
    expect(sale.data).toEqual({
      orderId: placed.order.id,
      sellerOrderId: part.id,
      total: part.totals.total,
      itemCount: 2,
    });
    await shop.next("order_status", statusOf(placed.order.id, "paid", part.id));
    const stock = await shop.next("listing", (data) => data.listingId === listing.id && data.available === 1);
    expect(stock.data).toMatchObject({ listingId: listing.id, available: 1, stockVersion: expect.any(Number) });
    // The order itself (not the seller's part of it) is the buyer's business.
    expect(shop.messages().filter((m) => m.type === "order_status" && m.data.sellerOrderId === null)).toEqual([]);
    shop.close();
  });

  it("tells the seller of a price change of their listing", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 2 });
    const shop = await openLive(seller);
    const patched = await api(
      `/v1/seller/listings/${listing.id}`,
      json({ price: { amount: 1999, currency: "EUR" } }, { method: "PATCH", headers: seller.auth }),
    );
    expect(patched.status).toBe(200);
    const change = await shop.next("listing", (data) => data.price !== undefined);
    expect(change.data).toEqual({ listingId: listing.id, price: { amount: 1999, currency: "EUR" } });
    shop.close();
  });

  it("gives a reconnecting client what it missed after the last id it saw, in order", async () => {
    const { seller, buyer, pay } = await paidBook();
    // One tab stays open throughout, to say what the one that drops should get on its return.
    const [stays, drops] = await Promise.all([openLive(buyer), openLive(buyer)]);
    const placed = await pay();
    const part = placed.order.sellerOrders[0]!;
    await drops.next("order_status", statusOf(placed.order.id, "paid", part.id));
    drops.close();
    const lastSeen = drops.messages().at(-1)!;

    expect((await ship(seller, part.id)).status).toBe(201);
    await stays.next("order_status", statusOf(placed.order.id, "shipped", part.id));
    const back = await openLive(buyer, lastSeen.id);
    // What the channel replays comes before its `ready`; a notice the shipment causes may still arrive after it.
    const readyAt = back.received.findIndex((message) => message.type === "ready");
    const ready = back.received[readyAt]!;
    const replayed = back.received.slice(0, readyAt);
    await expect.poll(() => stays.messages().some((message) => message.id === ready.id)).toBe(true);
    const missed = stays
      .messages()
      .filter((message) => Number(message.id) > Number(lastSeen.id) && Number(message.id) <= Number(ready.id));
    expect(missed.map((message) => message.data.to)).toContain("shipped");
    expect(replayed).toEqual(missed);
    expect(missed.map((message) => Number(message.id))).toEqual(missed.map((_, i) => Number(lastSeen.id) + 1 + i));
    expect(ready).toMatchObject({ id: missed.at(-1)!.id, data: { replayed: missed.length, complete: true } });
    closeAll(stays, back);
  });

  it("replays on an open socket when asked, and answers pings", async () => {
    const reader = await signUp();
    const channel = env.LIVE.getByName(reader.userId);
    await channel.publish({ type: "order_status", data: { n: 1 } });
    await channel.publish({ type: "order_status", data: { n: 2 } });
    const live = await openLive(reader);
    live.send({ type: "resume", after: "1" });
    const replayed = await live.next("order_status");
    expect(replayed).toMatchObject({ id: "2", data: { n: 2 } });
    live.socket.send('{"type":"ping"}');
    await expect.poll(() => live.received.length).toBe(4);
    expect(live.received.map((m) => m.type)).toEqual(["ready", "order_status", "ready", "pong"]);
    expect(live.received.at(-1)).toEqual({ type: "pong" });
    live.close();
  });

  it("holds many tabs, the newest 20: a 21st closes the oldest", async () => {
    const reader = await signUp();
    const tabs: LiveSocket[] = [];
    for (let n = 0; n < 21; n++) tabs.push(await openLive(reader));
    await expect.poll(() => tabs[0]!.closed?.code).toBe(1008);
    expect(tabs.slice(1).filter((tab) => tab.closed !== null)).toEqual([]);
    await env.LIVE.getByName(reader.userId).publish({ type: "order_status", data: { n: 1 } });
    for (const tab of tabs.slice(1)) await tab.next("order_status");
    closeAll(...tabs.slice(1));
  });

  it("keeps a bounded backlog: the newest 200, and says when more was missed", async () => {
    const reader = await signUp();
    const channel = env.LIVE.getByName(reader.userId);
    for (let n = 1; n <= 205; n++) await channel.publish({ type: "listing", data: { n } });
    const live = await openLive(reader, "0");
    const replayed = live.messages();
    expect(replayed).toHaveLength(200);
    expect(replayed[0]).toMatchObject({ id: "6", data: { n: 6 } });
    expect(replayed.at(-1)).toMatchObject({ id: "205", data: { n: 205 } });
    expect(live.received.at(-1)).toMatchObject({ type: "ready", data: { replayed: 200, complete: false } });
    live.close();
  });
});
