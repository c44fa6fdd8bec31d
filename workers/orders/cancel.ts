import { AppError } from "../http/errors";
import { contactOf } from "../identity";
import { releaseUses } from "../promotions";
import { adminOf, adminOrderAudit } from "./audit";
import type { OrdersContext } from "./context";
import { orderEvents } from "./events";
import { refundCancelledOrder, reservationsOf, returnStock } from "./payment-outcomes";
import { invalidTransition, moveWholeOrder } from "./plans";
import type { OrderStatus } from "./states";
import { type Actor, changeOrder, loadOrder } from "./transitions";

const CANCELLABLE: readonly OrderStatus[] = ["pending_payment", "payment_failed", "paid"];

/**
 * A buyer (or an admin) cancels an order before any of it ships: held copies are released, sold ones put back on
 * hand, and a paid order is refunded in full. The status change commits first (with OrderCancelled); the stock
 * and the refund follow, and the OrderCancelled consumer repeats them if this request stops half-way.
 */
export async function cancelOrder(
  ctx: OrdersContext,
  orderId: string,
  request: { actor: Actor; reason: string; note?: string },
): Promise<void> {
  const { services } = ctx;
  const existing = await loadOrder(services.db, orderId);
  const buyer = existing ? ((await contactOf({ services }, existing.order.buyerId)) ?? null) : null;
  const paid = await changeOrder(services, orderId, (state) => {
    const { order } = state;
    if (!CANCELLABLE.includes(order.status)) throw invalidTransition(order.status, "cancelled");
    const sent = state.sellerOrders.find((so) => so.status !== "paid" && order.status === "paid");
    if (sent) {
      throw new AppError(
        "invalid_transition",
        `Part of this order is already ${sent.status.replace(/_/g, " ")}, so it can no longer be cancelled; ask the seller for a refund.`,
        { currentStatus: order.status, sellerOrderId: sent.id, sellerOrderStatus: sent.status },
      );
    }
    const now = Date.now();
    const moves = moveWholeOrder(services.db, state, "cancelled", {
      actor: request.actor,
      reason: request.note ?? request.reason,
      now,
      orderPatch: { cancelReason: request.reason },
    });
    const wasPaid = order.paidAt !== null;
    const adminId = adminOf(request.actor);
    const audit = adminId
      ? adminOrderAudit(
          ctx,
          "order_cancelled",
          {
            adminId,
            state,
            sellerOrderIds: state.sellerOrders.map((row) => row.id),
            before: { status: order.status },
            after: { status: "cancelled" },
            detail: { reason: request.reason, note: request.note ?? null, refundsPayment: wasPaid },
          },
          now,
        )
      : [];
    return {
      // An unpaid order's promotions' uses go back; a paid one's stay used (it was paid with them).
      statements: [
        ...(wasPaid ? moves.statements : [...moves.statements, ...releaseUses(ctx, order.id, now)]),
        ...audit,
      ],
      events: [
        ...moves.events,
        orderEvents.orderCancelled(order, { buyer, reason: request.reason, actor: request.actor, paid: wasPaid }),
      ],
      result: wasPaid,
    };
  });
  try {
    await settleCancellation(ctx, orderId, { paid, actor: request.actor });
  } catch (error) {
    ctx.log.warn("settling a cancellation failed; its consumer retries", { orderId, error: String(error) });
  }
}

/** Gives back a cancelled order's copies and, if it was paid, its money. Safe to repeat. */
export async function settleCancellation(
  ctx: OrdersContext,
  orderId: string,
  details: { paid: boolean; actor: Actor },
): Promise<void> {
  const state = await loadOrder(ctx.services.db, orderId);
  if (state?.order.status !== "cancelled") return;
  await returnStock(ctx, reservationsOf(state.lines));
  if (details.paid) {
    await refundCancelledOrder(ctx, orderId, { reason: state.order.cancelReason ?? "cancelled", actor: details.actor });
  }
}
