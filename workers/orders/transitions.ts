import type { EventEnvelope, EventType } from "../../queues/event-catalogue";
import { AppError } from "../http/errors";
import { newId } from "../lib/ids";
import type { Db, Statement } from "../platform/db";
import type { Services } from "../platform/services";
import { orderEvents, type StatusChange } from "./events";
import * as store from "./store";

export type AnyEnvelope = EventEnvelope<EventType>;

/** Who changed an order: `buyer:usr_…`, `seller:sel_…`, `admin:usr_…` or `system:<job>`. */
export type Actor = `${"buyer" | "seller" | "admin" | "system"}:${string}`;

export interface OrderState {
  order: store.OrderRow;
  sellerOrders: store.SellerOrderRow[];
  lines: store.OrderLineRow[];
}

export async function loadOrder(db: Db, orderId: string): Promise<OrderState | undefined> {
  const [order, sellerOrders, lines] = await Promise.all([
    store.orderById(db, orderId),
    store.sellerOrdersOf(db, orderId),
    store.linesOf(db, orderId),
  ]);
  return order ? { order, sellerOrders, lines } : undefined;
}

/** A status change as recorded: its history row and its `OrderStatusChanged` event. */
export function recordChange(
  db: Db,
  change: StatusChange & { at: number },
): { statement: Statement; event: AnyEnvelope } {
  return {
    statement: store.insertHistory(db, {
      id: newId("osh"),
      orderId: change.orderId,
      sellerOrderId: change.sellerOrderId,
      fromStatus: change.from,
      toStatus: change.to,
      actor: change.actor,
      reason: change.reason,
      at: change.at,
    }),
    event: orderEvents.statusChanged(change),
  };
}

interface Plan<T> {
  statements: Statement[];
  events: AnyEnvelope[];
  result: T;
}

/** What a compare-and-set in a plan can depend on: statuses and refunded totals (and when they last moved). */
const fingerprint = (state: OrderState | undefined) =>
  state
    ? [
        state.order.status,
        state.order.refundedTotal,
        state.order.updatedAt,
        ...state.sellerOrders.map((s) => `${s.status}/${s.refundedTotal}@${s.updatedAt}`),
        ...state.lines.map((l) => `${l.refundedQuantity}/${l.refundedAmount}/${l.restockedQuantity}`),
      ].join()
    : "none";

/**
 * An optimistic change of one order: read it, let `plan` decide (or throw an AppError), and commit the plan's
 * statements and events atomically. The plan's status updates are compare-and-set, so a change that
 * lost a race aborts the batch; the order is then read again and planned afresh.
 */
export async function changeOrder<T>(
  services: Pick<Services, "db" | "outbox">,
  orderId: string,
  plan: (state: OrderState) => Plan<T> | Promise<Plan<T>>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const state = await loadOrder(services.db, orderId);
    if (!state) throw new AppError("not_found", "No such order.");
    const planned = await plan(state);
    if (planned.statements.length === 0) return planned.result;
    try {
      await services.outbox.commit(planned.statements, planned.events);
      return planned.result;
    } catch (error) {
      const now = await loadOrder(services.db, orderId);
      if (fingerprint(now) === fingerprint(state) || attempt >= 5) throw error;
    }
  }
}
