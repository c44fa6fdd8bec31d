import type { RefundAllocation } from "../../schema";
import { AppError } from "../http/errors";
import { allocateUpTo, issueRefund, type RefundContext, remainingAllocation } from "./refunds";
import type * as store from "./store";
import { type Actor, loadOrder, type OrderState } from "./transitions";

/**
 * `POST /v1/orders/{id}/refunds`: who may refund what, and how a request becomes an allocation. A seller refunds
 * lines of their own seller order (shipping included when they send an amount above the lines' value); an admin
 * refunds any of it. Without lines, a seller's request covers their seller order and an admin's the whole order;
 * without an amount, everything left on what it covers.
 */
export type RefundCaller = { kind: "seller"; sellerId: string } | { kind: "admin"; userId: string };

export interface RefundInput {
  amount?: number;
  lines?: { lineId: string; quantity?: number }[];
  reason: string;
  restock: boolean;
}

const eachPrice = (line: store.OrderLineRow) => line.unitPrice + line.coverPrice;

/** The lines asked for, each at its price for the copies asked (capped at what is left of it). */
function fromLines(
  state: OrderState,
  caller: RefundCaller,
  asked: NonNullable<RefundInput["lines"]>,
): RefundAllocation {
  const allocation: RefundAllocation = { sellerOrders: [], lines: [] };
  for (const { lineId, quantity } of asked) {
    const line = state.lines.find((row) => row.id === lineId);
    if (!line) throw new AppError("unprocessable", `Line ${lineId} is not part of this order.`, { lineId });
    const sellerOrder = state.sellerOrders.find((so) => so.id === line.sellerOrderId)!;
    if (caller.kind === "seller" && sellerOrder.sellerId !== caller.sellerId) {
      throw new AppError("forbidden", "You can refund only lines you sold.", { lineId });
    }
    const left = line.quantity - line.refundedQuantity;
    const copies = quantity ?? left;
    if (copies > left) {
      throw new AppError("unprocessable", `Only ${left} of "${line.title}" are left to refund.`, { lineId, left });
    }
    if (allocation.lines.some((row) => row.lineId === lineId)) {
      throw new AppError("unprocessable", `Line ${lineId} is named twice.`, { lineId });
    }
    const amount = Math.min(eachPrice(line) * copies, line.lineTotal - line.refundedAmount);
    allocation.lines.push({ lineId, sellerOrderId: sellerOrder.id, quantity: copies, amount });
    const entry = allocation.sellerOrders.find((so) => so.sellerOrderId === sellerOrder.id);
    if (entry) entry.amount += amount;
    else allocation.sellerOrders.push({ sellerOrderId: sellerOrder.id, amount });
  }
  return allocation;
}

/** What is left on some seller orders, for a request without lines; copies count only where a line is refunded whole. */
function fromRemaining(state: OrderState, sellerOrderIds: string[], amount: number | undefined) {
  const remaining = remainingAllocation(state, sellerOrderIds);
  const total = remaining.sellerOrders.reduce((sum, so) => sum + so.amount, 0);
  const trimmed = allocateUpTo(remaining, amount ?? total);
  trimmed.lines = trimmed.lines.map((line) => {
    const full = remaining.lines.find((row) => row.lineId === line.lineId)!;
    return { ...line, quantity: line.amount === full.amount ? line.quantity : 0 };
  });
  return { allocation: trimmed, amount: amount ?? total };
}

const sum = (allocation: RefundAllocation) => allocation.sellerOrders.reduce((total, so) => total + so.amount, 0);

function plan(state: OrderState, caller: RefundCaller, input: RefundInput) {
  const own = caller.kind === "seller" ? state.sellerOrders.filter((so) => so.sellerId === caller.sellerId) : [];
  if (caller.kind === "seller" && own.length === 0) throw new AppError("not_found", "No such order.");
  if (input.lines?.length) {
    const allocation = fromLines(state, caller, input.lines);
    const value = sum(allocation);
    if (input.amount === undefined || input.amount === value) return { allocation, amount: value };
    if (input.amount < value) return { allocation: allocateUpTo(allocation, input.amount), amount: input.amount };
    // More than the lines' value: the rest is that seller order's shipping.
    if (allocation.sellerOrders.length > 1) {
      throw new AppError("unprocessable", "An amount above the lines' value needs lines of one seller only.");
    }
    allocation.sellerOrders[0]!.amount = input.amount;
    return { allocation, amount: input.amount };
  }
  if (caller.kind === "seller")
    return fromRemaining(
      state,
      own.map((so) => so.id),
      input.amount,
    );
  // An admin's amount without lines: the whole order when it is everything left, else the order as a whole
  // (a goodwill credit) unless it has one seller order to charge it to.
  const everything = state.order.total - state.order.refundedTotal;
  if (input.amount === undefined || input.amount >= everything || state.sellerOrders.length === 1) {
    return fromRemaining(
      state,
      state.sellerOrders.map((so) => so.id),
      input.amount,
    );
  }
  return { allocation: { sellerOrders: [], lines: [] }, amount: input.amount };
}

export async function requestRefund(
  ctx: RefundContext,
  orderId: string,
  caller: RefundCaller,
  input: RefundInput,
  idempotencyKey: string,
): Promise<store.RefundRow> {
  const state = await loadOrder(ctx.services.db, orderId);
  if (!state) throw new AppError("not_found", "No such order.");
  const { allocation, amount } = plan(state, caller, input);
  if (input.restock && state.order.status === "cancelled") {
    throw new AppError("unprocessable", "The copies of a cancelled order are already back in stock.");
  }
  if (amount < 1) throw new AppError("unprocessable", "Nothing is left to refund there.");
  const actor: Actor = caller.kind === "seller" ? `seller:${caller.sellerId}` : `admin:${caller.userId}`;
  return issueRefund(ctx, {
    orderId,
    requestKey: `${orderId}:${actor}:${idempotencyKey}`,
    amount,
    allocation,
    reason: input.reason,
    restock: input.restock,
    actor,
  });
}
