import { AppError } from "../http/errors";
import type { Db, Statement } from "../platform/db";
import { canMoveOrder, canMoveSellerOrder, type OrderStatus, type SellerOrderStatus } from "./states";
import * as store from "./store";
import { type Actor, type AnyEnvelope, type OrderState, recordChange } from "./transitions";

/** Builders of status changes: compare-and-set updates, a history row and an OrderStatusChanged event for each. */

export interface Moves {
  statements: Statement[];
  events: AnyEnvelope[];
}

interface MoveOptions {
  actor: Actor;
  reason: string | null;
  now: number;
  orderPatch?: Partial<Omit<store.OrderRow, "id" | "status" | "updatedAt">>;
}

export function invalidTransition(from: string, to: string, what = "order"): AppError {
  return new AppError(
    "invalid_transition",
    `The ${what} is ${from.replace(/_/g, " ")}; it cannot become ${to.replace(/_/g, " ")}.`,
    {
      currentStatus: from,
      requested: to,
    },
  );
}

/** Moves the order itself; throws `invalid_transition` when its state machine does not allow it. */
export function moveOrderTo(db: Db, state: OrderState, to: OrderStatus, options: MoveOptions): Moves {
  const { order } = state;
  if (!canMoveOrder(order.status, to)) throw invalidTransition(order.status, to);
  const recorded = recordChange(db, {
    orderId: order.id,
    sellerOrderId: null,
    buyerId: order.buyerId,
    sellerId: null,
    from: order.status,
    to,
    actor: options.actor,
    reason: options.reason,
    at: options.now,
  });
  return {
    statements: [store.moveOrder(db, order, to, { ...options.orderPatch, updatedAt: options.now }), recorded.statement],
    events: [recorded.event],
  };
}

/** Moves seller orders of `order`; throws `invalid_transition` naming the first one that cannot move. */
export function moveSellerOrdersTo(
  db: Db,
  order: store.OrderRow,
  sellerOrders: store.SellerOrderRow[],
  to: SellerOrderStatus,
  options: Omit<MoveOptions, "orderPatch"> & { patch?: Partial<Omit<store.SellerOrderRow, "id" | "status">> },
): Moves {
  const moves: Moves = { statements: [], events: [] };
  for (const sellerOrder of sellerOrders) {
    if (!canMoveSellerOrder(sellerOrder.status, to)) throw invalidTransition(sellerOrder.status, to, "seller order");
    const recorded = recordChange(db, {
      orderId: sellerOrder.orderId,
      sellerOrderId: sellerOrder.id,
      buyerId: order.buyerId,
      sellerId: sellerOrder.sellerId,
      from: sellerOrder.status,
      to,
      actor: options.actor,
      reason: options.reason,
      at: options.now,
    });
    moves.statements.push(
      store.moveSellerOrder(db, sellerOrder, to, { ...options.patch, updatedAt: options.now }),
      recorded.statement,
    );
    moves.events.push(recorded.event);
  }
  return moves;
}

export function merge(...parts: Moves[]): Moves {
  return { statements: parts.flatMap((p) => p.statements), events: parts.flatMap((p) => p.events) };
}

/** The whole order and every seller order to one status (payment, failure, expiry, cancellation). */
export function moveWholeOrder(
  db: Db,
  state: OrderState,
  to: OrderStatus & SellerOrderStatus,
  options: MoveOptions,
): Moves {
  return merge(
    moveOrderTo(db, state, to, options),
    moveSellerOrdersTo(db, state.order, state.sellerOrders, to, options),
  );
}
