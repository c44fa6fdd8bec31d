import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orderRefunds } from "../../schema/orders";
import worker from "../../workers/index";
import { settleCancellation } from "../../workers/orders/cancel";
import { orderEvents } from "../../workers/orders/events";
import { moveWholeOrder } from "../../workers/orders/plans";
import { loadOrder } from "../../workers/orders/transitions";
import { asSeller, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, db, orderRow, ordersTestContext, paidOrder, stockLevels } from "../support/orders";

describe("cancellation consumer", () => {
  it("finishes a cancellation whose request stopped half-way, once, however often the event arrives", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 2 });
    const buyer = await signUp();
    await addToCart(buyer, listing.id, { quantity: 2 });
    const { order } = await paidOrder(buyer);
    expect(await stockLevels(listing.id)).toMatchObject({ onHand: 0 });

    // The cancellation committed, then the request died before giving back copies and money.
    const state = (await loadOrder(db, order.id))!;
    const moves = moveWholeOrder(db, state, "cancelled", {
      actor: `buyer:${buyer.userId}`,
      reason: "buyer_requested",
      now: Date.now(),
      orderPatch: { cancelReason: "buyer_requested" },
    });
    const cancelled = orderEvents.orderCancelled(state.order, {
      buyer: null,
      reason: "buyer_requested",
      actor: `buyer:${buyer.userId}`,
      paid: true,
    });
    await ordersTestContext().services.outbox.commit(moves.statements, []);

    const batch = createMessageBatch("order-events", [
      { id: "c-1", timestamp: new Date(), attempts: 1, body: cancelled },
      { id: "c-2", timestamp: new Date(), attempts: 2, body: cancelled },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["c-1", "c-2"]);
    // The settling itself is safe to repeat, marker or not.
    await settleCancellation(ordersTestContext(), order.id, { paid: true, actor: `buyer:${buyer.userId}` });

    expect(await stockLevels(listing.id)).toEqual({ onHand: 2, held: 0, available: 2 });
    const refunds = await db.select().from(orderRefunds).where(eq(orderRefunds.orderId, order.id));
    expect(refunds).toMatchObject([{ state: "succeeded", amount: order.totals.total.amount }]);
    expect((await orderRow(order.id))?.refundedTotal).toBe(order.totals.total.amount);
  });
});
