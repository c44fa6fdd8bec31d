import type { EventData } from "../../queues/event-catalogue";
import { contactOf } from "../identity";
import { extendHolds } from "../inventory";
import type { OrdersContext } from "./context";
import { orderEvents } from "./events";
import { reservationsOf } from "./payment-outcomes";
import { moveWholeOrder } from "./plans";
import type { OrderStatus } from "./states";
import { changeOrder, loadOrder } from "./transitions";

/** Orders whose payment has had no answer yet, or only a failed attempt the buyer may follow with a bank debit. */
const AWAITING_FIRST_ANSWER: readonly OrderStatus[] = ["pending_payment", "payment_failed"];

/**
 * A payment that settles later (a bank debit): the order and its seller orders become `payment_processing` and
 * keep their copies until checkout + PAYMENT_PROCESSING_HOLD_DAYS, in the StockDO holds and in the order's
 * hold_expires_at, which the expiry sweep reads. The holds are extended first: a retry after a crash repeats that
 * harmlessly, and a hold already gone is left to the success, which takes the copies again or refunds.
 */
export async function paymentProcessing(ctx: OrdersContext, outcome: EventData<"PaymentProcessed">): Promise<void> {
  const { services, log } = ctx;
  const state = await loadOrder(services.db, outcome.orderId);
  if (!state || !AWAITING_FIRST_ANSWER.includes(state.order.status)) return;
  const holdUntil = Math.max(state.order.createdAt + ctx.processingHoldMs, state.order.holdExpiresAt);
  const lapsed = await extendHolds(ctx.stock, reservationsOf(state.lines), holdUntil);
  if (lapsed.length > 0) {
    log.warn("a processing payment's holds had lapsed; its success takes the copies again", {
      orderId: state.order.id,
      reservations: lapsed.map((hold) => hold.reservationId),
    });
  }
  const buyer = (await contactOf({ services }, state.order.buyerId)) ?? null;
  await changeOrder(services, state.order.id, (current) => {
    if (!AWAITING_FIRST_ANSWER.includes(current.order.status)) return { statements: [], events: [], result: false };
    const moves = moveWholeOrder(services.db, current, "payment_processing", {
      actor: "system:payments",
      reason: `payment ${outcome.paymentId} is processing`,
      now: Date.now(),
      orderPatch: { holdExpiresAt: holdUntil },
    });
    return {
      statements: moves.statements,
      events: [...moves.events, orderEvents.paymentProcessing(current.order, buyer, holdUntil)],
      result: true,
    };
  });
}
