import { MARKETPLACE_CURRENCY, type Money } from "../lib/money";
import { readTogether } from "../platform/db";
import type { OrdersContext } from "./context";
import { DAY_MS, dailyFigureReads, dailyFigures, dateOf, figuresBetween, utcMidnight } from "./sales-report";
import type { SellerOrderStatus } from "./states";
import * as store from "./store";

/**
 * The orders side of a seller's dashboard: what waits to be sent, and the last 30 days of sales, refunds and
 * parcels (UTC days, today included). One `readTogether`, one D1 batch. Low stock (catalog) and waiting print jobs (printing)
 * are theirs to answer.
 */

const DASHBOARD_DAYS = 30;
const LONGEST_WAITING = 5;

export interface SellerDashboard {
  currency: string;
  awaitingShipment: {
    count: number;
    /** The seller orders paid longest ago, first. */
    longestWaiting: {
      id: string;
      orderId: string;
      status: SellerOrderStatus;
      units: number;
      total: Money;
      paidAt: string | null;
      createdAt: string;
    }[];
  };
  revenue: { today: Money; last7Days: Money; last30Days: Money };
  unitsSoldLast30Days: number;
  refundsLast30Days: { count: number; amount: Money };
  /** Parcels sent in the last 30 days and their average time from payment to sending (null when none left). */
  shippedLast30Days: { parcels: number; averagePaidToShippedSeconds: number | null };
  /** The last 30 days, oldest first, every day present. */
  daily: { date: string; revenue: Money; units: number }[];
}

const money = (amount: number): Money => ({ amount, currency: MARKETPLACE_CURRENCY });
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export async function sellerDashboard(
  ctx: OrdersContext,
  sellerId: string,
  now = Date.now(),
): Promise<SellerDashboard> {
  const { db } = ctx.services;
  const today = utcMidnight(now);
  const first = today - (DASHBOARD_DAYS - 1) * DAY_MS;
  const [sales, refunds, shipping, [awaiting], longest] = (await readTogether(db, [
    ...dailyFigureReads(ctx, sellerId, { start: first, end: today + DAY_MS }),
    store.awaitingShipmentCount(db, sellerId),
    store.longestAwaitingShipment(db, sellerId, LONGEST_WAITING),
  ])) as [
    ...Parameters<typeof dailyFigures>[0],
    Awaited<ReturnType<typeof store.awaitingShipmentCount>>,
    Awaited<ReturnType<typeof store.longestAwaitingShipment>>,
  ];
  const days = dailyFigures([sales, refunds, shipping]);
  const last30 = figuresBetween(days, first, today);
  const daily = [];
  for (let day = first; day <= today; day += DAY_MS) {
    const figures = figuresBetween(days, day, day);
    daily.push({ date: dateOf(day), revenue: figures.revenue, units: figures.units });
  }
  return {
    currency: MARKETPLACE_CURRENCY,
    awaitingShipment: {
      count: awaiting?.awaiting ?? 0,
      longestWaiting: longest.map((row) => ({
        id: row.id,
        orderId: row.orderId,
        status: row.status,
        units: Number(row.units ?? 0),
        total: money(row.total),
        paidAt: iso(row.paidAt),
        createdAt: iso(row.createdAt)!,
      })),
    },
    revenue: {
      today: figuresBetween(days, today, today).revenue,
      last7Days: figuresBetween(days, today - 6 * DAY_MS, today).revenue,
      last30Days: last30.revenue,
    },
    unitsSoldLast30Days: last30.units,
    refundsLast30Days: last30.refunds,
    shippedLast30Days: { parcels: last30.shipped, averagePaidToShippedSeconds: last30.averagePaidToShippedSeconds },
    daily,
  };
}
