import { releaseHolds } from "../inventory";
import { releaseUses } from "../promotions";
import type { OrdersContext } from "./context";
import { reservationsOf } from "./payment-outcomes";
import { moveWholeOrder } from "./plans";
import type { OrderStatus } from "./states";
import * as store from "./store";
import { changeOrder } from "./transitions";

const UNPAID: readonly OrderStatus[] = ["pending_payment", "payment_processing", "payment_failed"];

/**
 * Every-minute cron: unpaid orders whose hold ran out (for a processing payment, its extended hold: checkout +
 * PAYMENT_PROCESSING_HOLD_DAYS) become `expired` and let go of their copies (the StockDO's
 * alarm has usually released them already; releasing again is a no-op) and of their promotions' uses, in the
 * batch that expires them. A payment that still arrives re-reserves or is refunded (payment-outcomes.ts).
 */
export async function expireUnpaidOrders(ctx: OrdersContext, now = Date.now()): Promise<number> {
  const { services, log } = ctx;
  let expired = 0;
  for (const due of await store.unpaidPastHold(services.db, now, 50)) {
    try {
      const lines = await changeOrder(services, due.id, (current) => {
        if (!UNPAID.includes(current.order.status) || current.order.holdExpiresAt > now) {
          return { statements: [], events: [], result: undefined };
        }
        const at = Date.now();
        const moves = moveWholeOrder(services.db, current, "expired", {
          actor: "system:expiry",
          reason: "hold_expired",
          now: at,
        });
        return {
          statements: [...moves.statements, ...releaseUses(ctx, current.order.id, at)],
          events: moves.events,
          result: current.lines,
        };
      });
      if (!lines) continue;
      await releaseHolds(ctx.stock, reservationsOf(lines));
      expired += 1;
    } catch (error) {
      log.warn("expiring an unpaid order failed; the next run retries", { orderId: due.id, error: String(error) });
    }
  }
  return expired;
}
