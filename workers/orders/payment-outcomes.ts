import type { EventData } from "../../queues/event-catalogue";
import { userCartName } from "../cart";
import { contactOf } from "../identity";
import { releaseHolds, reservationIdFor, stockOf } from "../inventory";
import { alertOperators, refundUnpaidCapture } from "../payments";
import { countUses, reclaimUses, releaseUses } from "../promotions";
import type { OrdersContext } from "./context";
import { orderEvents } from "./events";
import { moveWholeOrder } from "./plans";
import { allocateUpTo, issueRefund, remainingAllocation } from "./refunds";
import type { OrderStatus } from "./states";
import * as store from "./store";
import { type Actor, changeOrder, loadOrder, type OrderState } from "./transitions";

/**
 * What a payment's outcome does to its order. The provider's webhook is the only source of payment truth; every
 * change here is conditional on the order's status, so duplicates and late or out-of-order events change nothing
 * they should not: a failure after a success is ignored, a success after the hold ran out re-reserves the copies
 * or refunds, a paid order never exists without its stock. Promotions' uses go with the payment: counted in the
 * batch that marks the order paid (once: a redelivery finds it paid), given back in the one that fails it, and
 * taken again for a late payment, which is refunded instead when a promotion was used up meanwhile.
 */
type Outcome = EventData<"PaymentProcessed">;

/** One hold per (order, listing); lines of one listing with different covers share it. */
interface Reservation {
  listingId: string;
  reservationId: string;
  quantity: number;
}

export function reservationsOf(lines: store.OrderLineRow[]): Reservation[] {
  const byId = new Map<string, Reservation>();
  for (const line of lines) {
    const held = byId.get(line.reservationId);
    if (held) held.quantity += line.quantity;
    else
      byId.set(line.reservationId, {
        listingId: line.listingId,
        reservationId: line.reservationId,
        quantity: line.quantity,
      });
  }
  return [...byId.values()].sort((a, b) => (a.listingId < b.listingId ? -1 : a.listingId > b.listingId ? 1 : 0));
}

/**
 * Gives an order's copies back, whatever became of its holds: a held copy is released, a sold (committed) one is
 * put back on hand once (the adjustment id is the reservation's), a released one needs nothing.
 */
export async function returnStock(ctx: Pick<OrdersContext, "stock">, reservations: Reservation[]): Promise<void> {
  for (const reservation of reservations) {
    const stock = stockOf(ctx.stock, reservation.listingId);
    const released = await stock.release(reservation.reservationId);
    if (!released.ok) {
      const restocked = await stock.restock(
        `${reservation.reservationId}:returned`,
        reservation.quantity,
        "order cancelled",
      );
      if (!restocked.ok) throw new Error(`restock of ${reservation.listingId} refused: ${restocked.reason}`);
    }
  }
}

/**
 * Sells the order's copies: commits every hold; a hold that is gone (expired, released after a failed payment) is
 * taken again under a new reservation id if the copies are still there. All or nothing: on a shortfall everything
 * taken here is given back.
 */
async function secureStock(ctx: OrdersContext, state: OrderState): Promise<Reservation[] | undefined> {
  const secured: Reservation[] = [];
  const gone: Reservation[] = [];
  for (const reservation of reservationsOf(state.lines)) {
    const committed = await stockOf(ctx.stock, reservation.listingId).commit(reservation.reservationId);
    if (committed.ok) secured.push(reservation);
    else gone.push(reservation);
  }
  for (const reservation of gone) {
    const again = { ...reservation, reservationId: `${reservationIdFor(state.order.id, reservation.listingId)}:again` };
    const stock = stockOf(ctx.stock, reservation.listingId);
    const held = await stock.reserve(again.reservationId, state.order.id, again.quantity, ctx.holdMs);
    const committed = held.ok ? await stock.commit(again.reservationId) : undefined;
    if (!committed?.ok) {
      await returnStock(ctx, [...secured, again]);
      return undefined;
    }
    secured.push(again);
  }
  return secured;
}

const PAID: readonly OrderStatus[] = ["paid", "partially_refunded", "refunded"];
const AWAITING_PAYMENT: readonly OrderStatus[] = ["pending_payment", "payment_processing", "payment_failed", "expired"];
/** What a failure can end: a first attempt, or a payment that was processing (its copies then go back). */
const AWAITING_ANSWER: readonly OrderStatus[] = ["pending_payment", "payment_processing"];
/** A late payment for an order whose promotion was used up by others after its uses were given back. */
const PROMOTION_USED_UP = "promotion_used_up_after_payment";

export async function paymentSucceeded(ctx: OrdersContext, outcome: Outcome): Promise<void> {
  const { services, log } = ctx;
  const state = await loadOrder(services.db, outcome.orderId);
  if (!state) {
    log.warn("payment for an order that does not exist", { orderId: outcome.orderId, paymentId: outcome.paymentId });
    return;
  }
  if (PAID.includes(state.order.status)) return;
  if (outcome.amount !== state.order.total || outcome.currency !== state.order.currency) {
    await refuseMismatchedPayment(ctx, state, outcome);
    return;
  }
  if (state.order.status === "cancelled") {
    // Paid after the buyer cancelled: the money goes back (an order cancelled after payment refunds itself).
    if (state.order.paidAt === null) await refundWhole(ctx, outcome, "order_cancelled_before_payment");
    return;
  }
  const secured = await secureStock(ctx, state);
  if (!secured) {
    await cancelUnpayable(ctx, state.order.id, "stock_unavailable_after_payment");
    await refundWhole(ctx, outcome, "stock_unavailable_after_payment");
    return;
  }
  const buyer = (await contactOf({ services }, state.order.buyerId)) ?? null;
  const result = await changeOrder<OrderStatus | typeof PROMOTION_USED_UP>(
    services,
    state.order.id,
    async (current) => {
      if (!AWAITING_PAYMENT.includes(current.order.status)) {
        return { statements: [], events: [], result: current.order.status };
      }
      const now = Date.now();
      const reclaimed = await reclaimUses(ctx, { orderId: current.order.id, buyerId: current.order.buyerId }, now);
      if (!reclaimed.ok) return { statements: [], events: [], result: PROMOTION_USED_UP };
      const moves = moveWholeOrder(services.db, current, "paid", {
        actor: "system:payments",
        reason: `payment ${outcome.paymentId} succeeded`,
        now,
        orderPatch: { paidAt: now },
      });
      const moved = secured.filter((r) => r.reservationId !== reservationIdFor(current.order.id, r.listingId));
      const lines = current.lines.map((line) => {
        const again = moved.find((r) => r.listingId === line.listingId);
        return again ? { ...line, reservationId: again.reservationId } : line;
      });
      const paidOrder = { ...current.order, status: "paid" as const, paidAt: now };
      const sellerOf = new Map(current.sellerOrders.map((so) => [so.id, so.sellerId]));
      return {
        statements: [
          ...moves.statements,
          ...reclaimed.statements,
          ...countUses(ctx, current.order.id, now),
          ...moved.map((r) =>
            store.setLineReservation(
              services.db,
              lines.filter((line) => line.listingId === r.listingId).map((line) => line.id),
              r.reservationId,
            ),
          ),
        ],
        events: [
          ...moves.events,
          orderEvents.orderPaid(paidOrder, current.sellerOrders, lines, buyer, now),
          ...lines
            .filter((line) => line.coverOptionId !== null)
            .map((line) => orderEvents.coverPrintRequested(line, sellerOf.get(line.sellerOrderId)!)),
        ],
        result: "paid" as const,
      };
    },
  );
  if (result === PROMOTION_USED_UP) {
    log.warn("a late payment's promotion was used up meanwhile; refunding", { orderId: state.order.id });
    await cancelUnpayable(ctx, state.order.id, PROMOTION_USED_UP);
    await returnStock(ctx, secured);
    await refundWhole(ctx, outcome, PROMOTION_USED_UP);
    return;
  }
  if (result === "cancelled") {
    // The buyer cancelled while this payment was being applied: give the copies back and the money too.
    await returnStock(ctx, secured);
    await refundWhole(ctx, outcome, "order_cancelled_before_payment");
    return;
  }
  if (result === "paid") await ctx.carts.getByName(userCartName(state.order.buyerId)).clear();
}

export async function paymentFailed(ctx: OrdersContext, outcome: Outcome): Promise<void> {
  const { services } = ctx;
  const state = await loadOrder(services.db, outcome.orderId);
  // Only an order still waiting for its answer fails: a failure after a success changes nothing.
  if (!state || !AWAITING_ANSWER.includes(state.order.status)) return;
  const buyer = (await contactOf({ services }, state.order.buyerId)) ?? null;
  const reason = outcome.failureReason ?? "declined";
  const failed = await changeOrder(services, state.order.id, (current) => {
    if (!AWAITING_ANSWER.includes(current.order.status)) return { statements: [], events: [], result: false };
    const now = Date.now();
    const moves = moveWholeOrder(services.db, current, "payment_failed", {
      actor: "system:payments",
      reason: `payment ${outcome.paymentId} failed: ${reason}`,
      now,
      // A processing payment's copies were held for days; failed, they go back now, and the order expires with them.
      ...(current.order.status === "payment_processing" && { orderPatch: { holdExpiresAt: now } }),
    });
    return {
      statements: [...moves.statements, ...releaseUses(ctx, current.order.id, now)],
      events: [...moves.events, orderEvents.paymentFailed(current.order, buyer, reason)],
      result: true,
    };
  });
  if (failed) await releaseHolds(ctx.stock, reservationsOf(state.lines));
}

const MISMATCH = "payment_amount_mismatch";

/**
 * A success for another amount or currency than the order's (a signed 1-cent webhook for a 58.80 order) pays
 * nothing: the order is cancelled with `payment_amount_mismatch` as its reason (the flag operators see, and
 * reconciliation reports), its copies go back, whatever was captured is refunded and operators are alerted.
 */
async function refuseMismatchedPayment(ctx: OrdersContext, state: OrderState, outcome: Outcome) {
  const { order } = state;
  ctx.log.warn("a payment does not match its order's total", {
    orderId: order.id,
    paymentId: outcome.paymentId,
    captured: `${outcome.amount} ${outcome.currency}`,
    total: `${order.total} ${order.currency}`,
  });
  // Not paid: the cancellation's own consumer must not refund the order's total on top.
  await cancelUnpayable(ctx, order.id, MISMATCH, { paid: false });
  await returnStock(ctx, reservationsOf(state.lines));
  const refunded = await refundUnpaidCapture(ctx.services, { orderId: order.id, reason: MISMATCH });
  await alertOperators(ctx.services, ctx.operatorEmails, {
    key: `${outcome.paymentId}:${MISMATCH}`,
    subject: `Payment ${outcome.paymentId} does not match order ${order.id}`,
    text: [
      `Payment ${outcome.paymentId} succeeded for ${outcome.amount} ${outcome.currency} minor units;`,
      `order ${order.id} totals ${order.total} ${order.currency}.`,
      `The order was not paid: it is cancelled (${MISMATCH}) and its copies are back on sale.`,
      refunded ? `The ${refunded.amount} captured was refunded (${refunded.providerRefundId}).` : "Nothing was kept.",
      "Check the provider account for how a payment for another amount was made.",
    ].join("\n"),
  });
}

/** A paid-for order that cannot be fulfilled: cancelled (the refund follows, unless nothing paid it), its uses given back. */
async function cancelUnpayable(ctx: OrdersContext, orderId: string, reason: string, { paid } = { paid: true }) {
  const { services } = ctx;
  const order = await store.orderById(services.db, orderId);
  const buyer = order ? ((await contactOf({ services }, order.buyerId)) ?? null) : null;
  await changeOrder(services, orderId, (current) => {
    if (!AWAITING_PAYMENT.includes(current.order.status)) return { statements: [], events: [], result: 0 };
    const now = Date.now();
    const moves = moveWholeOrder(services.db, current, "cancelled", {
      actor: "system:payments",
      reason,
      now,
      orderPatch: { cancelReason: reason },
    });
    return {
      // Never paid as an order: its promotions' held uses go back.
      statements: [...moves.statements, ...releaseUses(ctx, orderId, now)],
      events: [
        ...moves.events,
        orderEvents.orderCancelled(current.order, { buyer, reason, actor: "system:payments", paid }),
      ],
      result: 0,
    };
  });
}

/** Refunds what the payment captured (up to what is left on the order): the order's one cancellation refund. */
async function refundWhole(ctx: OrdersContext, outcome: Outcome, reason: string) {
  await refundCancelledOrder(ctx, outcome.orderId, { reason, actor: "system:payments", captured: outcome.amount });
}

/**
 * The refund of a cancelled order: everything not yet refunded (never more than `captured`, when known). One per
 * order whichever path asks for it (the cancellation, its consumer, a payment that arrived late), so they resume
 * one another instead of paying twice.
 */
export async function refundCancelledOrder(
  ctx: OrdersContext,
  orderId: string,
  details: { reason: string; actor: Actor; captured?: number },
) {
  const state = await loadOrder(ctx.services.db, orderId);
  if (!state) return;
  const requestKey = `${orderId}:cancellation`;
  const left = state.order.total - state.order.refundedTotal;
  const amount = Math.min(details.captured ?? left, left);
  if (amount < 1 && !(await store.refundByKey(ctx.services.db, requestKey))) return;
  await issueRefund(ctx, {
    orderId,
    requestKey,
    amount,
    allocation: allocateUpTo(remainingAllocation(state), amount),
    reason: details.reason,
    restock: false,
    actor: details.actor,
  });
}
