import type { OrdersContext } from "./context";
import * as store from "./store";

/** One seller's part of an order paid in the range, as the weekly reports weigh it. */
export interface SoldPart {
  sellerOrderId: string;
  sellerId: string;
  status: string;
  total: number;
  shippedAt: number | null;
  returnRequested: boolean;
}

/** One line of an order paid in the range: what was sold, at what price, with what discount. */
export interface SoldLine {
  orderId: string;
  sellerOrderId: string;
  listingId: string;
  isbn13: string;
  title: string;
  condition: string;
  quantity: number;
  unitPrice: number;
  discountTotal: number;
  lineTotal: number;
}

export interface PaidOrderInRange {
  orderId: string;
  buyerId: string;
  currency: string;
  total: number;
  paidAt: number;
  parts: SoldPart[];
  lines: SoldLine[];
}

/**
 * Every order paid in [from, to) epoch ms, with its lines, its seller parts as they stand now (status, when
 * shipped, whether a return was asked for). Read-only, for the insights module's weekly reports.
 */
export async function ordersPaidInRange(
  ctx: Pick<OrdersContext, "services">,
  range: { from: number; to: number },
): Promise<PaidOrderInRange[]> {
  const { db } = ctx.services;
  const paid = await store.ordersPaidIn(db, range.from, range.to);
  const ids = paid.map((order) => order.id);
  const [lines, parts, parcels, returned] = await Promise.all([
    store.linesOfOrders(db, ids),
    store.sellerOrdersOfOrders(db, ids),
    store.shipmentsOfOrders(db, ids),
    store.returnsOfOrders(db, ids),
  ]);
  const shippedAt = new Map(parcels.map((parcel) => [parcel.sellerOrderId, parcel.shippedAt]));
  const withReturn = new Set(returned.map((row) => row.sellerOrderId));
  return paid.map((order) => ({
    orderId: order.id,
    buyerId: order.buyerId,
    currency: order.currency,
    total: order.total,
    paidAt: order.paidAt ?? 0,
    lines: lines.filter((line) => line.orderId === order.id),
    parts: parts
      .filter((part) => part.orderId === order.id)
      .map((part) => ({
        sellerOrderId: part.id,
        sellerId: part.sellerId,
        status: part.status,
        total: part.total,
        shippedAt: shippedAt.get(part.id) ?? null,
        returnRequested: withReturn.has(part.id),
      })),
  }));
}
