import { and, gte, inArray, isNotNull, lt } from "drizzle-orm";
import { orderLines, orders, returns, sellerOrders, shipments } from "../../../schema/orders";
import { readChunked } from "../../lib/chunked";
import type { Db } from "../../platform/db";

/** Read-only queries for the weekly reports: what was paid in a range, with its lines, parts, parcels and returns. */

export function ordersPaidIn(db: Db, from: number, to: number) {
  return db
    .select({
      id: orders.id,
      buyerId: orders.buyerId,
      currency: orders.currency,
      total: orders.total,
      paidAt: orders.paidAt,
    })
    .from(orders)
    .where(and(isNotNull(orders.paidAt), gte(orders.paidAt, from), lt(orders.paidAt, to)));
}

export function linesOfOrders(db: Db, orderIds: string[]) {
  return readChunked(orderIds, (part) =>
    db
      .select({
        orderId: orderLines.orderId,
        sellerOrderId: orderLines.sellerOrderId,
        listingId: orderLines.listingId,
        isbn13: orderLines.isbn13,
        title: orderLines.title,
        condition: orderLines.condition,
        quantity: orderLines.quantity,
        unitPrice: orderLines.unitPrice,
        discountTotal: orderLines.discountTotal,
        lineTotal: orderLines.lineTotal,
      })
      .from(orderLines)
      .where(inArray(orderLines.orderId, part)),
  );
}

export function sellerOrdersOfOrders(db: Db, orderIds: string[]) {
  return readChunked(orderIds, (part) =>
    db
      .select({
        id: sellerOrders.id,
        orderId: sellerOrders.orderId,
        sellerId: sellerOrders.sellerId,
        status: sellerOrders.status,
        total: sellerOrders.total,
      })
      .from(sellerOrders)
      .where(inArray(sellerOrders.orderId, part)),
  );
}

export function shipmentsOfOrders(db: Db, orderIds: string[]) {
  return readChunked(orderIds, (part) =>
    db
      .select({ sellerOrderId: shipments.sellerOrderId, shippedAt: shipments.shippedAt })
      .from(shipments)
      .where(inArray(shipments.orderId, part)),
  );
}

export function returnsOfOrders(db: Db, orderIds: string[]) {
  return readChunked(orderIds, (part) =>
    db.select({ sellerOrderId: returns.sellerOrderId }).from(returns).where(inArray(returns.orderId, part)),
  );
}
