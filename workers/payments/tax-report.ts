import { AppError } from "../http/errors";
import type { OrderLedgerSource, TaxDay } from "./reconciliation";

/**
 * Tax collected per destination country per UTC day, for the reconciliation report: the tax included in orders
 * paid that day, the tax given back by refunds completed that day, and the difference. By default it covers the
 * days a run compared (from the first day of its window up to the run); `from`/`to` ask for other days.
 */

const DAY_MS = 86_400_000;
export const MAX_TAX_REPORT_DAYS = 366;

/** First and last day asked for, `YYYY-MM-DD` (UTC), both included. */
export interface TaxReportDays {
  from?: string;
  to?: string;
}

const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const midnightOf = (date: string) => Date.parse(`${date}T00:00:00Z`);
const utcMidnight = (ms: number) => ms - (ms % DAY_MS);

/** The span read: the days asked for, or the run's window from its first midnight up to the run itself. */
function spanOf(days: TaxReportDays, run: { since: number; runAt: number }) {
  const start = days.from ? midnightOf(days.from) : utcMidnight(run.since);
  const end = days.to ? midnightOf(days.to) + DAY_MS : run.runAt;
  if (start >= end) {
    throw new AppError("unprocessable", "`from` is after `to`.", {
      errors: [{ path: "from", message: "must be on or before `to` (the run's day when left out)" }],
    });
  }
  if (Math.ceil((end - start) / DAY_MS) > MAX_TAX_REPORT_DAYS) {
    throw new AppError("unprocessable", `The tax report covers at most ${MAX_TAX_REPORT_DAYS} days.`, {
      errors: [{ path: "from", message: `at most ${MAX_TAX_REPORT_DAYS} days before \`to\`` }],
    });
  }
  return { start, end };
}

const net = (figures: { collected: number; refunded: number }) => figures.collected - figures.refunded;

/** Each country's days, and its totals over the span (one per currency charged there). */
function totalsOf(days: TaxDay[]) {
  const totals = new Map<string, { country: string; currency: string; collected: number; refunded: number }>();
  for (const day of days) {
    const key = `${day.country}:${day.currency}`;
    const total = totals.get(key) ?? { country: day.country, currency: day.currency, collected: 0, refunded: 0 };
    total.collected += day.collected;
    total.refunded += day.refunded;
    totals.set(key, total);
  }
  return [...totals.values()].map((total) => ({ ...total, net: net(total) }));
}

export async function taxCollected(
  orders: OrderLedgerSource,
  run: { since: number; runAt: number },
  asked: TaxReportDays = {},
) {
  const span = spanOf(asked, run);
  const days = await orders.taxCollected(span);
  return {
    from: dateOf(span.start),
    to: dateOf(span.end - 1),
    until: new Date(span.end).toISOString(),
    days: days.map((day) => ({
      day: dateOf(day.day),
      country: day.country,
      currency: day.currency,
      orders: day.orders,
      collected: day.collected,
      refunds: day.refunds,
      refunded: day.refunded,
      net: net(day),
    })),
    totals: totalsOf(days),
  };
}
