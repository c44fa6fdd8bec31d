import type { ORDER_STATUSES, SELLER_ORDER_STATUSES } from "../../schema/orders";

export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type SellerOrderStatus = (typeof SELLER_ORDER_STATUSES)[number];

/** The order's own life: payment, then money coming back. Shipping happens per seller order. */
const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ["payment_processing", "paid", "payment_failed", "expired", "cancelled"],
  // A payment that settles later (a bank debit): its copies stay held until it succeeds or fails.
  payment_processing: ["paid", "payment_failed", "expired", "cancelled"],
  payment_failed: ["payment_processing", "paid", "expired", "cancelled"],
  paid: ["cancelled", "partially_refunded", "refunded", "completed"],
  partially_refunded: ["partially_refunded", "refunded", "completed"],
  // A payment that arrives after the hold ran out: paid if the copies can be held again, else refunded and cancelled.
  expired: ["paid", "cancelled"],
  cancelled: ["refunded"],
  refunded: [],
  // Money can still go back after completion (a dispute, an admin's refund).
  completed: ["partially_refunded", "refunded"],
};

const SELLER_ORDER_TRANSITIONS: Record<SellerOrderStatus, readonly SellerOrderStatus[]> = {
  pending_payment: ["payment_processing", "paid", "payment_failed", "expired", "cancelled"],
  payment_processing: ["paid", "payment_failed", "expired", "cancelled"],
  payment_failed: ["payment_processing", "paid", "expired", "cancelled"],
  paid: ["shipped", "cancelled", "partially_refunded", "refunded"],
  shipped: ["delivered", "partially_refunded", "refunded"],
  delivered: ["partially_refunded", "refunded", "completed"],
  partially_refunded: ["shipped", "delivered", "partially_refunded", "refunded", "completed"],
  expired: ["paid", "cancelled"],
  cancelled: [],
  refunded: [],
  completed: ["partially_refunded", "refunded"],
};

export function canMoveOrder(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

export function canMoveSellerOrder(from: SellerOrderStatus, to: SellerOrderStatus): boolean {
  return SELLER_ORDER_TRANSITIONS[from].includes(to);
}
