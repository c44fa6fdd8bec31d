import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { AnyEvent } from "../../queues/event-catalogue";
import { editionPurchases } from "../../schema/insights";
import { processedEvents } from "../../schema/platform";
import worker from "../../workers/index";
import { eventually } from "../support/eventually";
import { db, eventsFor, paidTwoSellerOrder } from "../support/orders";

const purchasesOf = (orderId: string) =>
  db.select().from(editionPurchases).where(eq(editionPurchases.orderId, orderId));

describe("purchase records", () => {
  it("keep a paid order's editions once, however often OrderPaid is delivered", async () => {
    const { order, buyer } = await paidTwoSellerOrder();
    const [paid] = (await eventsFor(order.id, "OrderPaid")) as AnyEvent[];
    await eventually(async () => {
      const done = await db.select().from(processedEvents).where(eq(processedEvents.eventId, paid!.id));
      return done.some((row) => row.consumer === "insights.purchases") ? true : undefined;
    });
    const first = await purchasesOf(order.id);
    expect(first).toHaveLength(2);
    expect(first.every((row) => row.buyerId === buyer.userId && row.quantity === 1)).toBe(true);

    const batch = createMessageBatch("order-events", [
      { id: `${paid!.id}-1`, timestamp: new Date(), attempts: 1, body: paid },
      { id: `${paid!.id}-2`, timestamp: new Date(), attempts: 2, body: paid },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual([`${paid!.id}-1`, `${paid!.id}-2`]);
    expect(await purchasesOf(order.id)).toEqual(first);
  });
});
