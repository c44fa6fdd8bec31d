import { auditEntry, auditTarget } from "../identity";
import type { Statement } from "../platform/db";
import type { OrdersContext } from "./context";
import type { Actor, OrderState } from "./transitions";

/** The admin behind an actor (`admin:usr_…`); anyone else's changes to an order are not business audit entries. */
export const adminOf = (actor: Actor): string | undefined =>
  actor.startsWith("admin:") ? actor.slice("admin:".length) : undefined;

/**
 * The audit entries of an admin's change to an order, for the change's own batch: one for each seller order it
 * touches (with that seller as the shop, so each seller sees it), or one for the marketplace when it touches none
 * (goodwill).
 */
export function adminOrderAudit(
  ctx: OrdersContext,
  type: "order_refunded" | "order_cancelled",
  change: {
    adminId: string;
    state: OrderState;
    sellerOrderIds: string[];
    before: Record<string, unknown>;
    after: Record<string, unknown>;
    detail: Record<string, unknown>;
  },
  now: number,
): Statement[] {
  const { order, sellerOrders } = change.state;
  const shops = sellerOrders.filter((row) => change.sellerOrderIds.includes(row.id));
  const entry = (shop?: { id: string; sellerId: string }) =>
    auditEntry(
      ctx,
      type,
      {
        actorId: change.adminId,
        userId: order.buyerId,
        target: auditTarget("order", order.id),
        detail: shop ? { ...change.detail, sellerOrderId: shop.id } : change.detail,
        before: change.before,
        after: change.after,
        shopId: shop?.sellerId ?? null,
      },
      now,
    );
  return shops.length > 0 ? shops.map(entry) : [entry()];
}
