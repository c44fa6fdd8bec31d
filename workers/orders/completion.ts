import type { OrdersContext } from "./context";
import { orderEvents } from "./events";
import { type Moves, merge, moveOrderTo, moveSellerOrdersTo } from "./plans";
import * as store from "./store";
import { type Actor, changeOrder, type OrderState } from "./transitions";

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
  if (orderCompletes(order.status, after)) parts.push(orderCompletion(ctx, state, options));
  return merge(...parts);
}

/**
 * Whether an order is done once its seller orders have these statuses: all final, one at least completed. The
 * completion job asks it when a seller order completes, and a refund when it ends the last open seller order.
 */
export function orderCompletes(orderStatus: string, sellerOrderStatuses: string[]): boolean {
  return (
    (orderStatus === "paid" || orderStatus === "partially_refunded") &&
    sellerOrderStatuses.every((status) => (FINAL as readonly string[]).includes(status)) &&
    sellerOrderStatuses.includes("completed")
  );
}

/** The order moved to `completed`, with its OrderCompleted event. */
export function orderCompletion(
  ctx: OrdersContext,
  state: OrderState,
  options: { actor: Actor; reason: string; now: number },
): Moves {
  const moved = moveOrderTo(ctx.services.db, state, "completed", {
    ...options,
    orderPatch: { completedAt: options.now },
  });
  return {
    statements: moved.statements,
    events: [...moved.events, orderEvents.orderCompleted(state.order, options.now)],
  };
}
