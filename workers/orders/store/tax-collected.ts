import { and, count, eq, isNotNull, ne, sql } from "drizzle-orm";
import { orderRefunds, orders } from "../../../schema/orders";
import type { Db } from "../../platform/db";
import { type Span, utcDay, within } from "./reports";

/**
 * The tax the marketplace took and gave back per destination country and UTC day, summed by the database: orders
 * by the day they were paid, refunds by the day they completed. Orders from before tax was charged have no tax
 * country and are left out.
 */

/** Orders paid within the span: how many and the tax included in their totals, per day, country and currency. */
export function taxOfPaidOrders(db: Db, span: Span) {
  return db
    .select({
      day: utcDay(orders.paidAt),
      country: orders.taxCountry,
      currency: orders.currency,
      orders: count(),
      tax: sql<number>`SUM(${orders.tax})`,
    })
    .from(orders)
    .where(and(isNotNull(orders.paidAt), within(orders.paidAt, span), ne(orders.taxCountry, "")))
    .groupBy(utcDay(orders.paidAt), orders.taxCountry, orders.currency);
}

/** Refunds completed within the span: how many and the tax they gave back, per day, order's country and currency. */
export function taxOfCompletedRefunds(db: Db, span: Span) {
  return db
    .select({
      day: utcDay(orderRefunds.completedAt),
      country: orders.taxCountry,
      currency: orderRefunds.currency,
      refunds: count(),
      tax: sql<number>`SUM(${orderRefunds.tax})`,
    })
    .from(orderRefunds)
    .innerJoin(orders, eq(orders.id, orderRefunds.orderId))
    .where(
      and(
        eq(orderRefunds.state, "succeeded"),
        isNotNull(orderRefunds.completedAt),
        within(orderRefunds.completedAt, span),
        ne(orders.taxCountry, ""),
      ),
    )
    .groupBy(utcDay(orderRefunds.completedAt), orders.taxCountry, orderRefunds.currency);
}
