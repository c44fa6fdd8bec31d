import type { RefundAllocation } from "../../schema/orders";
import { AppError } from "../http/errors";
import { allocate } from "../lib/money";
import type { OrdersContext } from "./context";
import { allocateUpTo, exceeds, issueRefund, remainingAllocation } from "./refunds";
import type * as store from "./store";
import { type Actor, loadOrder, type OrderState } from "./transitions";

/**
 * `POST /v1/orders/{id}/refunds`: who may refund what, and how a request becomes an allocation. A seller refunds
 * lines of their own seller order (shipping included when they send an amount above the lines' value); an admin
 * refunds any of it. Without lines, a request covers the seller orders it names, else a seller's covers their own
 * and an admin's the whole order (when that says whose money it is); an admin may instead grant a goodwill credit,
 * charged to no seller. Without an amount, everything left on what it covers; never more than that. A line's
 * copies give back what was paid for them, discounts taken off: the free copy of a buy-one-get-one gives back 0.
 */
export type RefundCaller = { kind: "seller"; sellerId: string } | { kind: "admin"; userId: string };

interface RefundInput {
  amount?: number;
  lines?: { lineId: string; quantity?: number }[];
  /** Seller orders to charge an amount without lines to (what is left on them, up to `amount`). */
  sellerOrderIds?: string[];
  /** An admin's refund charged to no seller order: a marketplace goodwill credit. */
  goodwill?: boolean;
  reason: string;
  restock: boolean;
}

/**
 * What was paid for a line's next `copies` copies: its total (after discounts) split exactly over its copies, the
 * copies refunded before taking their shares first, and never more than is left of it.
 */
function paidFor(line: store.OrderLineRow, copies: number): number {
  const shares = allocate(line.lineTotal, Array(line.quantity).fill(1));
  const paid = shares
    .slice(line.refundedQuantity, line.refundedQuantity + copies)
    .reduce((total, share) => total + share, 0);
  return Math.min(paid, line.lineTotal - line.refundedAmount);
}

/** The lines asked for, each at what was paid for the copies asked (capped at what is left of it). */
export function fromLines(
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
    const amount = paidFor(line, copies);
    allocation.lines.push({ lineId, sellerOrderId: sellerOrder.id, quantity: copies, amount });
    const entry = allocation.sellerOrders.find((so) => so.sellerOrderId === sellerOrder.id);
    if (entry) entry.amount += amount;
    else allocation.sellerOrders.push({ sellerOrderId: sellerOrder.id, amount });
  }
  return allocation;
}

/** What is left on some seller orders, for a request without lines; copies count only where a line is refunded whole. */
function fromRemaining(state: OrderState, sellerOrderIds: string[], amount: number | undefined, what: string) {
  const remaining = remainingAllocation(state, sellerOrderIds);
  // Never more than those seller orders have left (the rest is other sellers' money), nor than the order has.
  const total = Math.min(sum(remaining), state.order.total - state.order.refundedTotal);
  if (amount !== undefined && amount > total) throw exceeds(total, state.order.currency, what);
  const trimmed = allocateUpTo(remaining, amount ?? total);
  trimmed.lines = trimmed.lines.map((line) => {
    const full = remaining.lines.find((row) => row.lineId === line.lineId)!;
    return { ...line, quantity: line.amount === full.amount ? line.quantity : 0 };
  });
  return { allocation: trimmed, amount: amount ?? total };
}

const sum = (allocation: RefundAllocation) => allocation.sellerOrders.reduce((total, so) => total + so.amount, 0);

/** The seller orders a request names, each one of this order (and, for a seller, their own). */
function namedSellerOrders(state: OrderState, caller: RefundCaller, ids: string[]): string[] {
  for (const id of ids) {
    const sellerOrder = state.sellerOrders.find((so) => so.id === id);
    if (!sellerOrder) {
      throw new AppError("unprocessable", `Seller order ${id} is not part of this order.`, { sellerOrderId: id });
    }
    if (caller.kind === "seller" && sellerOrder.sellerId !== caller.sellerId) {
      throw new AppError("forbidden", "You can refund only what you sold.", { sellerOrderId: id });
    }
  }
  return [...new Set(ids)];
}

function linesPlan(state: OrderState, caller: RefundCaller, input: RefundInput) {
  const allocation = fromLines(state, caller, input.lines!);
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

function plan(state: OrderState, caller: RefundCaller, input: RefundInput) {
  const own = caller.kind === "seller" ? state.sellerOrders.filter((so) => so.sellerId === caller.sellerId) : [];
  if (caller.kind === "seller" && own.length === 0) throw new AppError("not_found", "No such order.");
  const ways = [input.lines?.length, input.sellerOrderIds?.length, input.goodwill].filter(Boolean).length;
  if (ways > 1) throw new AppError("unprocessable", "Send one of lines, sellerOrderIds or goodwill, not several.");
  if (input.lines?.length) return linesPlan(state, caller, input);
  if (input.goodwill) {
    if (caller.kind !== "admin") throw new AppError("forbidden", "Only an admin can grant a goodwill credit.");
    if (input.amount === undefined) throw new AppError("unprocessable", "A goodwill credit needs an amount.");
    return { allocation: { sellerOrders: [], lines: [], goodwill: input.amount }, amount: input.amount };
  }
  if (input.sellerOrderIds?.length) {
    const named = namedSellerOrders(state, caller, input.sellerOrderIds);
    return fromRemaining(state, named, input.amount, "of those seller orders");
  }
  if (caller.kind === "seller") {
    const ids = own.map((so) => so.id);
    return fromRemaining(state, ids, input.amount, "of your part of this order");
  }
  // An admin's bare amount covers the whole order when it is everything left or there is one seller order to charge;
  // otherwise it must say whose money it is.
  const everything = state.order.total - state.order.refundedTotal;
  if (input.amount === undefined || input.amount >= everything || state.sellerOrders.length === 1) {
    const ids = state.sellerOrders.map((so) => so.id);
    return fromRemaining(state, ids, input.amount, "of this order");
  }
  throw new AppError(
    "unprocessable",
    "This order has several sellers: name the seller orders (sellerOrderIds) or lines to refund, " +
      "or send goodwill: true to refund it as a marketplace credit.",
    { sellerOrderIds: state.sellerOrders.map((so) => so.id) },
  );
}

export async function requestRefund(
  ctx: OrdersContext,
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
  // Copies that were free come back for nothing; an amount without copies must be something.
  if (amount < 1 && !allocation.lines.some((line) => line.quantity > 0)) {
    throw new AppError("unprocessable", "Nothing is left to refund there.");
  }
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
