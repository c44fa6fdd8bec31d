import type { OrdersContext } from "./context";
import { orderEvents } from "./events";
import { type Moves, merge, moveOrderTo, moveSellerOrdersTo } from "./plans";
import * as store from "./store";
import { changeOrder, type OrderState } from "./transitions";

/**
 * Every-minute cron: a seller order delivered, its return window over and no return open, is `completed` (the
 * seller's money can go out: SellerOrderCompleted); an order whose seller orders are all completed, refunded or
 * cancelled, one at least completed, is `completed` too (OrderCompleted). Both are compare-and-set in the batch
 * that writes their events, so two runs never complete one twice.
 */
const COMPLETABLE = ["delivered", "partially_refunded"] as const;
const FINAL = ["completed", "refunded", "cancelled"] as const;

export async function completeSellerOrders(ctx: OrdersContext, now = Date.now()): Promise<number> {
  const due = await store.sellerOrdersPastReturnWindow(ctx.services.db, now, 50);
  let completed = 0;
  for (const candidate of due) {
    const done = await changeOrder(ctx.services, candidate.orderId, async (state) => {
      const sellerOrder = state.sellerOrders.find((row) => row.id === candidate.id);
      const ready =
        sellerOrder &&
        (COMPLETABLE as readonly string[]).includes(sellerOrder.status) &&
        sellerOrder.returnWindowEndsAt !== null &&
        sellerOrder.returnWindowEndsAt <= now &&
        !(await store.hasOpenReturn(ctx.services.db, sellerOrder.id));
      if (!sellerOrder || !ready) return { statements: [], events: [], result: false };
      const moves = completionMoves(ctx, state, sellerOrder, Date.now());
      return { ...moves, result: true };
    });
    if (done) completed += 1;
  }
  return completed;
}

function completionMoves(ctx: OrdersContext, state: OrderState, sellerOrder: store.SellerOrderRow, at: number): Moves {
  const { db } = ctx.services;
  const { order } = state;
  const options = { actor: "system:completion" as const, reason: "return window over", now: at };
  const parts: Moves[] = [
    // The seller order as read: a return opened meanwhile aborts the batch.
    { statements: [store.touchSellerOrder(db, sellerOrder, at)], events: [] },
    moveSellerOrdersTo(db, order, [sellerOrder], "completed", { ...options, patch: { completedAt: at } }),
    { statements: [], events: [orderEvents.sellerOrderCompleted(order, sellerOrder, at)] },
  ];
  const after = state.sellerOrders.map((row) => (row.id === sellerOrder.id ? "completed" : row.status));
  const orderDone =
    after.every((status) => (FINAL as readonly string[]).includes(status)) &&
    after.includes("completed") &&
    (order.status === "paid" || order.status === "partially_refunded");
  if (orderDone) {
    parts.push(moveOrderTo(db, state, "completed", { ...options, orderPatch: { completedAt: at } }), {
      statements: [],
      events: [orderEvents.orderCompleted(order, at)],
    });
  }
  return merge(...parts);
}
