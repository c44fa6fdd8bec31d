import { AppError } from "../http/errors";
import { MARKETPLACE_CURRENCY, type Money } from "../lib/money";
import { readTogether } from "../platform/db";
import type { OrdersContext } from "./context";
import * as store from "./store";

/**
 * A seller's sales report: revenue and copies per day or ISO week (UTC) of payment, refunds per day they were
 * issued, parcels per day they left with the average time from payment to sending, and the ten best-selling
 * books of the whole range. Every figure is read in one `readTogether` (one D1 batch).
 */

export const DAY_MS = 86_400_000;
export const MAX_REPORT_DAYS = 366;
const DEFAULT_REPORT_DAYS = 30;
const TOP_BOOKS = 10;

export type ReportPeriod = "day" | "week";

export interface SalesReportInput {
  /** First and last day of the report, `YYYY-MM-DD` (UTC), both included. */
  from?: string;
  to?: string;
  period: ReportPeriod;
}

interface RefundFigures {
  count: number;
  amount: Money;
}

export interface PeriodFigures {
  /** First and last day of the period within the report, `YYYY-MM-DD`. */
  start: string;
  end: string;
  revenue: Money;
  units: number;
  refunds: RefundFigures;
  /** Parcels sent in the period, and their average time from payment to sending (null when none left). */
  shipped: number;
  averagePaidToShippedSeconds: number | null;
}

export interface SalesReport {
  from: string;
  to: string;
  period: ReportPeriod;
  currency: string;
  totals: Omit<PeriodFigures, "start" | "end">;
  periods: PeriodFigures[];
  topBooks: { isbn13: string; title: string; units: number; revenue: Money }[];
}

const money = (amount: number): Money => ({ amount, currency: MARKETPLACE_CURRENCY });

/** `YYYY-MM-DD` of an epoch-ms instant, in UTC. */
export const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** UTC midnight of a `YYYY-MM-DD` date (already validated by the query schema). */
const midnightOf = (date: string) => Date.parse(`${date}T00:00:00Z`);
export const utcMidnight = (ms: number) => ms - (ms % DAY_MS);

/** The report's first and last day: the last 30 days by default, never more than 366, never backwards. */
function reportDays(input: SalesReportInput, now: number): { first: number; last: number } {
  const last = input.to ? midnightOf(input.to) : utcMidnight(now);
  const first = input.from ? midnightOf(input.from) : last - (DEFAULT_REPORT_DAYS - 1) * DAY_MS;
  if (first > last) {
    throw new AppError("unprocessable", "`from` is after `to`.", {
      errors: [{ path: "from", message: "must be on or before `to`" }],
    });
  }
  if ((last - first) / DAY_MS + 1 > MAX_REPORT_DAYS) {
    throw new AppError("unprocessable", `A report covers at most ${MAX_REPORT_DAYS} days.`, {
      errors: [{ path: "from", message: `at most ${MAX_REPORT_DAYS} days before \`to\`` }],
    });
  }
  return { first, last };
}

/** Monday (ISO week start) of the week a UTC midnight falls in. */
const mondayOf = (day: number) => day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;

/** The periods of a report as [first day, last day] pairs: every day, or every ISO week clipped to the range. */
function periodsOf(first: number, last: number, period: ReportPeriod): [number, number][] {
  const spans: [number, number][] = [];
  for (let start = first; start <= last; ) {
    const end = period === "day" ? start : Math.min(mondayOf(start) + 6 * DAY_MS, last);
    spans.push([start, end]);
    start = end + DAY_MS;
  }
  return spans;
}

interface DayFigures {
  revenue: number;
  units: number;
  refunds: number;
  refunded: number;
  shipped: number;
  paidToShippedMs: number;
}

const emptyDay = (): DayFigures => ({ revenue: 0, units: 0, refunds: 0, refunded: 0, shipped: 0, paidToShippedMs: 0 });

/** The seller's share of each refund row, added to the day it was issued; a refund counts once however split. */
function addRefunds(days: Map<number, DayFigures>, rows: Awaited<ReturnType<typeof store.refundsOfSeller>>) {
  const counted = new Set<string>();
  for (const row of rows) {
    const share = row.allocation.sellerOrders
      .filter((so) => so.sellerOrderId === row.sellerOrderId)
      .reduce((sum, so) => sum + so.amount, 0);
    if (share <= 0) continue;
    const day = dayIn(days, utcMidnight(row.createdAt));
    day.refunded += share;
    if (!counted.has(row.id)) day.refunds += 1;
    counted.add(row.id);
  }
}

function dayIn(days: Map<number, DayFigures>, day: number): DayFigures {
  let figures = days.get(day);
  if (!figures) {
    figures = emptyDay();
    days.set(day, figures);
  }
  return figures;
}

/** The reads of a seller's daily figures over a span, in the order `dailyFigures` takes their results. */
export function dailyFigureReads(ctx: OrdersContext, sellerId: string, span: store.Span) {
  const { db } = ctx.services;
  return [
    store.dailySales(db, sellerId, span),
    store.refundsOfSeller(db, sellerId, span),
    store.dailyShipping(db, sellerId, span),
  ] as const;
}

type DailyRows = [
  Awaited<ReturnType<typeof store.dailySales>>,
  Awaited<ReturnType<typeof store.refundsOfSeller>>,
  Awaited<ReturnType<typeof store.dailyShipping>>,
];

/** The daily figures by UTC midnight, from the results of `dailyFigureReads`. */
export function dailyFigures([sales, refunds, shipping]: DailyRows): Map<number, DayFigures> {
  const days = new Map<number, DayFigures>();
  for (const row of sales) Object.assign(dayIn(days, Number(row.day)), { revenue: row.revenue, units: row.units });
  addRefunds(days, refunds);
  for (const row of shipping) {
    Object.assign(dayIn(days, Number(row.day)), { shipped: row.shipped, paidToShippedMs: row.paidToShippedMs });
  }
  return days;
}

/** The figures of the days from `first` to `last`, added up. */
export function figuresBetween(days: Map<number, DayFigures>, first: number, last: number) {
  const sum = emptyDay();
  for (let day = first; day <= last; day += DAY_MS) {
    const figures = days.get(day);
    if (!figures) continue;
    for (const key of Object.keys(sum) as (keyof DayFigures)[]) sum[key] += Number(figures[key]);
  }
  return {
    revenue: money(sum.revenue),
    units: sum.units,
    refunds: { count: sum.refunds, amount: money(sum.refunded) },
    shipped: sum.shipped,
    averagePaidToShippedSeconds: sum.shipped === 0 ? null : Math.round(sum.paidToShippedMs / sum.shipped / 1000),
  };
}

export async function salesReport(
  ctx: OrdersContext,
  sellerId: string,
  input: SalesReportInput,
  now = Date.now(),
): Promise<SalesReport> {
  const { first, last } = reportDays(input, now);
  const span = { start: first, end: last + DAY_MS };
  const [sales, refunds, shipping, top] = (await readTogether(ctx.services.db, [
    ...dailyFigureReads(ctx, sellerId, span),
    store.topBooks(ctx.services.db, sellerId, span, TOP_BOOKS),
  ])) as [...DailyRows, Awaited<ReturnType<typeof store.topBooks>>];
  const days = dailyFigures([sales, refunds, shipping]);
  return {
    from: dateOf(first),
    to: dateOf(last),
    period: input.period,
    currency: MARKETPLACE_CURRENCY,
    totals: figuresBetween(days, first, last),
    periods: periodsOf(first, last, input.period).map(([start, end]) => ({
      start: dateOf(start),
      end: dateOf(end),
      ...figuresBetween(days, start, end),
    })),
    topBooks: top.map((book) => ({
      isbn13: book.isbn13,
      title: book.title,
      units: Number(book.units),
      revenue: money(Number(book.revenue)),
    })),
  };
}

const CSV_COLUMNS = [
  "period_start",
  "period_end",
  "currency",
  "revenue_minor_units",
  "units_sold",
  "refunds",
  "refunded_minor_units",
  "parcels_shipped",
  "average_paid_to_shipped_seconds",
];

/** The report's periods as CSV, one row a period; every cell is a date, a code or a number, so none needs quoting. */
export function salesReportCsv(report: SalesReport): string {
  const rows = report.periods.map((period) =>
    [
      period.start,
      period.end,
      report.currency,
      period.revenue.amount,
      period.units,
      period.refunds.count,
      period.refunds.amount.amount,
      period.shipped,
      period.averagePaidToShippedSeconds ?? "",
    ].join(","),
  );
  return `${[CSV_COLUMNS.join(","), ...rows].join("\r\n")}\r\n`;
}
