import type { InsightsContext } from "../context";
import { buildWeek, type WeeklyReport } from "./build";
import type { SellerSupportFigures, SellerWeek } from "./sellers";
import { reportOfWeek, sellerRowOfWeek, sellerRowsOfWeek } from "./store";
import { completeWeek, type IsoWeek, lastCompleteWeek, WEEK_MS } from "./weeks";

/** The stored report of a complete week, built on first request (so a freshly seeded shop has its reports). */
async function storedWeek(ctx: InsightsContext, week: IsoWeek, support: SellerSupportFigures) {
  const stored = await reportOfWeek(ctx.services.db, week.week);
  if (stored) return { report: stored.figures as WeeklyReport, builtAt: stored.builtAt };
  const built = await buildWeek(ctx, week, support, { announce: false });
  return { report: built.report, builtAt: Date.now() };
}

/** Every section of the week's report and every seller's row, for admins. */
export async function adminWeeklyReport(
  ctx: InsightsContext,
  weekText: string | undefined,
  support: SellerSupportFigures,
) {
  const week = completeWeek(weekText, Date.now());
  const { report, builtAt } = await storedWeek(ctx, week, support);
  const sellers = await sellerRowsOfWeek(ctx.services.db, week.week);
  return {
    ...report,
    builtAt: new Date(builtAt).toISOString(),
    sellers: sellers.map((row) => row.figures as SellerWeek),
  };
}
export type AdminWeeklyReport = Awaited<ReturnType<typeof adminWeeklyReport>>;

/** The calling seller's own row of the week and their rank among the week's sellers; nobody else's figures. */
export async function sellerWeeklyReport(
  ctx: InsightsContext,
  sellerId: string,
  weekText: string | undefined,
  support: SellerSupportFigures,
) {
  const week = completeWeek(weekText, Date.now());
  const { report } = await storedWeek(ctx, week, support);
  const [own, all] = await Promise.all([
    sellerRowOfWeek(ctx.services.db, week.week, sellerId),
    sellerRowsOfWeek(ctx.services.db, week.week),
  ]);
  return {
    week: report.week,
    from: report.from,
    to: report.to,
    currency: report.currency,
    sellerCount: all.length,
    rank: own?.rank ?? null,
    figures: own ? (own.figures as SellerWeek) : null,
  };
}
export type SellerWeeklyReport = Awaited<ReturnType<typeof sellerWeeklyReport>>;

/** The seller's reports of the `count` last complete weeks, oldest first (each built on first request). */
export async function sellerWeeklyHistory(
  ctx: InsightsContext,
  sellerId: string,
  count: number,
  support: SellerSupportFigures,
  now = Date.now(),
) {
  const weeks = Array.from({ length: count }, (_, i) => lastCompleteWeek(now - (count - 1 - i) * WEEK_MS).week);
  const reports: SellerWeeklyReport[] = [];
  for (const week of weeks) reports.push(await sellerWeeklyReport(ctx, sellerId, week, support));
  return reports;
}

/** Rebuilds a complete week in place (admins, after a late correction); the figures replace the stored ones. */
export async function rebuildWeeklyReport(
  ctx: InsightsContext,
  weekText: string | undefined,
  support: SellerSupportFigures,
) {
  const week = completeWeek(weekText, Date.now());
  await buildWeek(ctx, week, support, { announce: false });
  return adminWeeklyReport(ctx, week.week, support);
}

/** The weekly cron: builds the week that just ended and mails its headline figures to every admin. */
export async function buildLastWeek(ctx: InsightsContext, support: SellerSupportFigures, now = Date.now()) {
  const week = lastCompleteWeek(now);
  await buildWeek(ctx, week, support, { announce: true, now });
  return week.week;
}
