import type { RefundAllocation } from "../../schema/orders";
import { AppError } from "../http/errors";
import { contactOf } from "../identity";
import { stockOf } from "../inventory";
import { newId } from "../lib/ids";
import { refundOrderPayment } from "../payments";
import type { Statement } from "../platform/db";
import { adminOf, adminOrderAudit } from "./audit";
import { orderCompletes, orderCompletion } from "./completion";
import type { OrdersContext } from "./context";
import { orderEvents } from "./events";
import { type Moves, merge, moveOrderTo, moveSellerOrdersTo } from "./plans";
import type { OrderStatus, SellerOrderStatus } from "./states";
import * as store from "./store";
import { type Actor, changeOrder, type OrderState } from "./transitions";

/**
 * Refunds, a small saga of their own: claim (the refund row and its amounts on the order, seller orders and lines,
 * in one batch, compare-and-set so two refunds never pass the same check) → ask the provider, with the refund's
 * id as its idempotency key → put copies back (StockDO.restock, once per refund and line) → complete (statuses,
 * history, RefundIssued). A claim the provider refused is undone; one whose outcome is unknown stays pending and
 * is resumed with the same key, so money never goes out twice. A refund of copies that were free (the "get one"
 * of a buy-one-get-one) comes to 0: it is recorded and restocks like any other, and the provider is not asked.
 */
interface RefundRequest {
  orderId: string;
  /** Scopes retries: the same key is the same refund. */
  requestKey: string;
  amount: number;
  allocation: RefundAllocation;
  reason: string;
  restock: boolean;
  actor: Actor;
}

// A completed order can still give money back (a goodwill refund, a dispute settled by refunding): its status stays
// `completed`, its refunded totals grow, and payouts reverses the seller's share of what was transferred.
const REFUNDABLE_ORDER: readonly OrderStatus[] = ["paid", "partially_refunded", "cancelled", "completed"];
const REFUNDABLE_SELLER_ORDER: readonly SellerOrderStatus[] = [
  "paid",
  "shipped",
  "delivered",
  "partially_refunded",
  "cancelled",
  "completed",
];

export function exceeds(refundable: number, currency: string, what: string): AppError {
  return new AppError(
    "refund_exceeds_captured",
    `At most ${refundable} ${currency} minor units ${what} can be refunded.`,
    {
      refundable: { amount: refundable, currency },
    },
  );
}

/** Everything not yet refunded, seller order by seller order and line by line, up to `amount`. */
export function remainingAllocation(state: OrderState, sellerOrderIds?: string[]): RefundAllocation {
  const allocation: RefundAllocation = { sellerOrders: [], lines: [] };
  for (const sellerOrder of state.sellerOrders) {
    if (sellerOrderIds && !sellerOrderIds.includes(sellerOrder.id)) continue;
    const left = sellerOrder.total - sellerOrder.refundedTotal;
    if (left > 0) allocation.sellerOrders.push({ sellerOrderId: sellerOrder.id, amount: left });
    for (const line of state.lines.filter((l) => l.sellerOrderId === sellerOrder.id)) {
      const amount = line.lineTotal - line.refundedAmount;
      const quantity = line.quantity - line.refundedQuantity;
      if (amount > 0 || quantity > 0) {
        allocation.lines.push({
          lineId: line.id,
          sellerOrderId: sellerOrder.id,
          quantity,
          amount: Math.max(0, amount),
        });
      }
    }
  }
  return allocation;
}

/** Trims an allocation to `amount`: seller order by seller order, each one's lines first, shipping last. */
export function allocateUpTo(allocation: RefundAllocation, amount: number): RefundAllocation {
  let left = amount;
  const trimmed: RefundAllocation = { sellerOrders: [], lines: [] };
  for (const sellerOrder of allocation.sellerOrders) {
    const take = Math.min(sellerOrder.amount, left);
    left -= take;
    // A seller order the amount does not reach keeps its lines too.
    if (take <= 0) continue;
    trimmed.sellerOrders.push({ ...sellerOrder, amount: take });
    let budget = take;
    for (const line of allocation.lines.filter((l) => l.sellerOrderId === sellerOrder.sellerOrderId)) {
      const lineTake = Math.min(line.amount, budget);
      budget -= lineTake;
      trimmed.lines.push({ ...line, amount: lineTake });
    }
  }
  return trimmed;
}

/**
 * Every minor unit of a refund is charged somewhere: to seller orders (their lines within each one's share) or, by
 * an admin only, to the marketplace as goodwill. Returns the goodwill.
 */
function checkAllocation(request: RefundRequest): number {
  const { allocation } = request;
  const goodwill = allocation.goodwill ?? 0;
  if (goodwill < 0 || (goodwill > 0 && !request.actor.startsWith("admin:"))) {
    throw new AppError("forbidden", "Only an admin can refund as a marketplace goodwill credit.");
  }
  const charged = allocation.sellerOrders.reduce((sum, sellerOrder) => sum + sellerOrder.amount, 0);
  if (charged + goodwill !== request.amount) {
    throw new AppError("unprocessable", "A refund must be charged in full to seller orders or to goodwill.");
  }
  for (const sellerOrder of allocation.sellerOrders) {
    const lines = allocation.lines.filter((line) => line.sellerOrderId === sellerOrder.sellerOrderId);
    if (sellerOrder.amount < 0 || lines.reduce((sum, line) => sum + line.amount, 0) > sellerOrder.amount) {
      throw new AppError("unprocessable", "A seller order's lines cannot be refunded beyond its share.");
    }
  }
  if (allocation.lines.some((line) => !allocation.sellerOrders.some((so) => so.sellerOrderId === line.sellerOrderId))) {
    throw new AppError("unprocessable", "Every refunded line belongs to a seller order of the refund.");
  }
  return goodwill;
}

/** The tax in a seller order's first `refunded` minor units given back, pro rata: refunding all of it gives all back. */
const taxIn = (sellerOrder: store.SellerOrderRow, refunded: number) =>
  sellerOrder.total === 0 ? 0 : Math.round((sellerOrder.tax * refunded) / sellerOrder.total);

/** Copies are named: a refund of them may come to nothing (they were free) and still be recorded. */
const takesCopies = (allocation: RefundAllocation) => allocation.lines.some((line) => line.quantity > 0);

/** Checks a refund against what is left on the order, its seller orders and lines; returns the claim's writes. */
function claimPlan(ctx: OrdersContext, state: OrderState, request: RefundRequest, refundId: string): Moves {
  const { db } = ctx.services;
  const { order } = state;
  // A cancelled order is refundable when money arrived for it; the payments module checks what was captured.
  if (!REFUNDABLE_ORDER.includes(order.status)) {
    throw new AppError(
      "invalid_transition",
      `The order is ${order.status.replace(/_/g, " ")}; only paid orders can be refunded.`,
      {
        currentStatus: order.status,
      },
    );
  }
  if (request.amount < 0 || (request.amount === 0 && !takesCopies(request.allocation))) {
    throw new AppError("unprocessable", "A refund must be at least 1 minor unit.");
  }
  if (order.refundedTotal + request.amount > order.total) {
    throw exceeds(order.total - order.refundedTotal, order.currency, "of this order");
  }
  const goodwill = checkAllocation(request);
  const now = Date.now();
  // Each seller order's share of the tax, by what it had given back before and gives back now (goodwill carries none).
  const allocation: RefundAllocation = {
    ...request.allocation,
    sellerOrders: request.allocation.sellerOrders.map((allocated) => {
      const sellerOrder = state.sellerOrders.find((row) => row.id === allocated.sellerOrderId);
      if (!sellerOrder) return allocated;
      const before = sellerOrder.refundedTotal;
      return { ...allocated, tax: taxIn(sellerOrder, before + allocated.amount) - taxIn(sellerOrder, before) };
    }),
  };
  const statements: Statement[] = [
    store.insertRefund(db, {
      id: refundId,
      orderId: order.id,
      requestKey: request.requestKey,
      state: "pending",
      amount: request.amount,
      tax: allocation.sellerOrders.reduce((sum, allocated) => sum + (allocated.tax ?? 0), 0),
      currency: order.currency,
      reason: request.reason,
      restock: request.restock,
      allocation,
      actor: request.actor,
      providerRefundId: null,
      createdAt: now,
      completedAt: null,
    }),
    store.addOrderRefunded(db, order, { amount: request.amount, goodwill }, now),
  ];
  const adminId = adminOf(request.actor);
  if (adminId) {
    const refunded = (amount: number) => ({ amount, currency: order.currency });
    statements.push(
      ...adminOrderAudit(
        ctx,
        "order_refunded",
        {
          adminId,
          state,
          sellerOrderIds: allocation.sellerOrders.map((allocated) => allocated.sellerOrderId),
          before: { status: order.status, refunded: refunded(order.refundedTotal) },
          after: { status: order.status, refunded: refunded(order.refundedTotal + request.amount) },
          detail: {
            refundId,
            amount: refunded(request.amount),
            reason: request.reason,
            restock: request.restock,
            goodwill: goodwill > 0 ? refunded(goodwill) : null,
          },
        },
        now,
      ),
    );
  }
  for (const allocated of request.allocation.sellerOrders) {
    const sellerOrder = state.sellerOrders.find((row) => row.id === allocated.sellerOrderId);
    if (!sellerOrder) throw new AppError("not_found", "No such seller order in this order.");
    if (!REFUNDABLE_SELLER_ORDER.includes(sellerOrder.status)) {
      throw new AppError("invalid_transition", `That seller order is ${sellerOrder.status.replace(/_/g, " ")}.`, {
        currentStatus: sellerOrder.status,
      });
    }
    if (sellerOrder.refundedTotal + allocated.amount > sellerOrder.total) {
      throw exceeds(sellerOrder.total - sellerOrder.refundedTotal, order.currency, "of that seller's part");
    }
    statements.push(store.addSellerOrderRefunded(db, sellerOrder, allocated.amount, now));
  }
  for (const allocated of request.allocation.lines) {
    const line = state.lines.find((row) => row.id === allocated.lineId);
    if (!line) throw new AppError("not_found", "No such line in this order.");
    if (line.refundedAmount + allocated.amount > line.lineTotal) {
      throw exceeds(line.lineTotal - line.refundedAmount, order.currency, `of "${line.title}"`);
    }
    if (line.refundedQuantity + allocated.quantity > line.quantity) {
      throw new AppError(
        "unprocessable",
        `Only ${line.quantity - line.refundedQuantity} copies of "${line.title}" are left to refund.`,
      );
    }
    const restocked = request.restock ? allocated.quantity : 0;
    statements.push(
      store.addLineRefunded(db, line, { amount: allocated.amount, quantity: allocated.quantity, restocked }),
    );
  }
  return { statements, events: [] };
}

/** Issues a refund, or resumes the one already claimed under `requestKey`. Returns it completed. */
export async function issueRefund(ctx: OrdersContext, request: RefundRequest): Promise<store.RefundRow> {
  const { db } = ctx.services;
  let refund = await store.refundByKey(db, request.requestKey);
  if (!refund) {
    const refundId = newId("orf");
    try {
      await changeOrder(ctx.services, request.orderId, (state) => ({
        ...claimPlan(ctx, state, request, refundId),
        result: 0,
      }));
    } catch (error) {
      // Two requests with one key at once: the unique request key lets one claim through; the other resumes it.
      if (!(await store.refundByKey(db, request.requestKey))) throw error;
    }
    refund = (await store.refundByKey(db, request.requestKey))!;
  }
  return refund.state === "succeeded" ? refund : settle(ctx, refund);
}

/** Provider, stock, completion: each step is safe to repeat for the same claim. */
async function settle(ctx: OrdersContext, refund: store.RefundRow): Promise<store.RefundRow> {
  const { services } = ctx;
  let providerRefundId: string | null = null;
  try {
    // Nothing to pay back for free copies (Stripe refuses a zero refund): only the books come back.
    if (refund.amount > 0) {
      const paid = await refundOrderPayment(services, {
        orderId: refund.orderId,
        amount: refund.amount,
        reason: refund.reason,
        idempotencyKey: refund.id,
      });
      providerRefundId = paid.providerRefundId;
    }
  } catch (error) {
    // The payments module refuses before asking the provider (nothing captured, too much): no money moved.
    if (error instanceof AppError) await unclaim(ctx, refund);
    throw error;
  }
  if (refund.restock) await restock(ctx, refund);
  const buyer = await buyerContact(ctx, refund.orderId);
  await changeOrder(services, refund.orderId, async (state) => {
    // Another attempt (the cron, a consumer) may have completed it meanwhile: then there is nothing left to do.
    const current = await store.refundByKey(services.db, refund.requestKey);
    if (current?.state !== "pending") return { statements: [], events: [], result: 0 };
    return completionPlan(ctx, state, refund, providerRefundId, buyer);
  });
  return (await store.refundByKey(services.db, refund.requestKey))!;
}

async function buyerContact(ctx: OrdersContext, orderId: string) {
  const order = await store.orderById(ctx.services.db, orderId);
  return order ? ((await contactOf({ services: ctx.services }, order.buyerId)) ?? null) : null;
}

async function restock(ctx: OrdersContext, refund: store.RefundRow) {
  const lines = await store.linesOf(ctx.services.db, refund.orderId);
  for (const allocated of refund.allocation.lines) {
    const line = lines.find((row) => row.id === allocated.lineId);
    if (!line || allocated.quantity < 1) continue;
    const result = await stockOf(ctx.stock, line.listingId).restock(
      `${refund.id}:${line.id}`,
      allocated.quantity,
      `refund ${refund.id}`,
    );
    if (!result.ok) throw new Error(`restock of ${line.listingId} refused: ${result.reason}`);
  }
}

function completionPlan(
  ctx: OrdersContext,
  state: OrderState,
  refund: store.RefundRow,
  providerRefundId: string | null,
  buyer: { email: string; name: string } | null,
) {
  const { db } = ctx.services;
  const current = state;
  const now = Date.now();
  const options = { actor: refund.actor as Actor, reason: `refund: ${refund.reason}`, now };
  const moves: Moves[] = [{ statements: [store.completeRefund(db, refund.id, providerRefundId, now)], events: [] }];
  const { order } = current;
  const after = new Map(current.sellerOrders.map((row) => [row.id, row.status as string]));
  for (const allocated of refund.allocation.sellerOrders) {
    const sellerOrder = current.sellerOrders.find((row) => row.id === allocated.sellerOrderId);
    if (!sellerOrder || ["cancelled", "refunded", "completed"].includes(sellerOrder.status)) continue;
    const to = sellerOrder.refundedTotal >= sellerOrder.total ? "refunded" : "partially_refunded";
    moves.push(moveSellerOrdersTo(db, order, [sellerOrder], to, options));
    after.set(sellerOrder.id, to);
  }
  if (order.status === "paid" || order.status === "partially_refunded") {
    // Refunding the last open seller order of an order whose others completed completes the order.
    if (order.refundedTotal < order.total && orderCompletes(order.status, [...after.values()])) {
      moves.push(orderCompletion(ctx, current, options));
    } else {
      moves.push(
        moveOrderTo(db, current, order.refundedTotal >= order.total ? "refunded" : "partially_refunded", options),
      );
    }
  }
  const merged = merge(...moves);
  return {
    statements: merged.statements,
    events: [...merged.events, orderEvents.refundIssued(order, refund, current.lines, current.sellerOrders, buyer)],
    result: 0,
  };
}

/** Gives a refused claim's amounts back to the order, so a corrected request can claim them. */
async function unclaim(ctx: OrdersContext, refund: store.RefundRow) {
  const { db } = ctx.services;
  await changeOrder(ctx.services, refund.orderId, (state) => {
    const now = Date.now();
    const statements: Statement[] = [
      store.deletePendingRefund(db, refund.id),
      store.addOrderRefunded(
        db,
        state.order,
        { amount: -refund.amount, goodwill: -(refund.allocation.goodwill ?? 0) },
        now,
      ),
    ];
    for (const allocated of refund.allocation.sellerOrders) {
      const sellerOrder = state.sellerOrders.find((row) => row.id === allocated.sellerOrderId);
      if (sellerOrder) statements.push(store.addSellerOrderRefunded(db, sellerOrder, -allocated.amount, now));
    }
    for (const allocated of refund.allocation.lines) {
      const line = state.lines.find((row) => row.id === allocated.lineId);
      if (!line) continue;
      const restocked = refund.restock ? -allocated.quantity : 0;
      statements.push(
        store.addLineRefunded(db, line, { amount: -allocated.amount, quantity: -allocated.quantity, restocked }),
      );
    }
    return { statements, events: [], result: 0 };
  });
}

/** Every-minute cron: refunds claimed over a minute ago and never completed (a crash mid-way) are resumed. */
export async function resumePendingRefunds(ctx: OrdersContext, now = Date.now()): Promise<number> {
  const stale = await store.stalePendingRefunds(ctx.services.db, now - 60_000, 20);
  let resumed = 0;
  for (const refund of stale) {
    try {
      await settle(ctx, refund);
      resumed += 1;
    } catch (error) {
      ctx.log.warn("resuming a pending refund failed; the next run retries", {
        refundId: refund.id,
        error: String(error),
      });
    }
  }
  return resumed;
}
