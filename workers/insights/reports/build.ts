import { createEvent } from "../../../queues/events";
import { editionFacts, listingsListedBefore } from "../../catalog";
import { contributionsIn } from "../../community";
import { accountsOpenedIn } from "../../identity";
import { MARKETPLACE_CURRENCY } from "../../lib/money";
import { ordersPaidInRange } from "../../orders";
import { sellerProfiles } from "../../sellers";
import type { InsightsContext } from "../context";
import { popularBooks, pricingPerformance, reviewInsights, salesTrends } from "./figures";
import { topKeywords } from "./keywords";
import { type SellerSupportFigures, type SellerWeek, sellerPerformance } from "./sellers";
import { funnelBetween, replaceWeek } from "./store";
import type { IsoWeek } from "./weeks";

/** A week's report, every section; `sellers` holds every seller's row and rank. */
export async function weeklyFigures(ctx: InsightsContext, week: IsoWeek, support: SellerSupportFigures) {
  const range = { from: week.from, to: week.to };
  const [paid, listed, written, newAccounts, funnel, supportFigures] = await Promise.all([
    ordersPaidInRange(ctx, range),
    listingsListedBefore(ctx, week.to),
    contributionsIn(ctx, range),
    accountsOpenedIn(ctx, range),
    funnelBetween(ctx.services.db, week.days[0]!, week.days[6]!),
    support(ctx, range),
  ]);
  const editionOf = new Map(listed.map((listing) => [listing.id, listing.editionId]));
  const soldEditions = paid.flatMap((order) => order.lines.map((line) => editionOf.get(line.listingId) ?? ""));
  const [editions, profiles] = await Promise.all([
    editionFacts(ctx, [...soldEditions.filter(Boolean), ...funnel.map((row) => row.editionId)]),
    sellerProfiles(
      ctx,
      paid.flatMap((order) => order.parts.map((part) => part.sellerId)),
    ),
  ]);
  const sales = salesTrends(week, paid, editionOf, editions);
  return {
    report: {
      week: week.week,
      from: new Date(week.from).toISOString(),
      to: new Date(week.to).toISOString(),
      currency: MARKETPLACE_CURRENCY,
      sales,
      pricing: pricingPerformance(week, paid, listed),
      popularBooks: popularBooks(paid, funnel, editionOf, editions),
      engagement: {
        activeBuyers: new Set(paid.map((order) => order.buyerId)).size,
        newAccounts,
        reviews: written.reviews.length,
        comments: written.comments,
      },
      reviews: reviewInsights(week, written.reviews, topKeywords),
    },
    sellers: sellerPerformance(paid, supportFigures, profiles),
  };
}
export type WeeklyFigures = Awaited<ReturnType<typeof weeklyFigures>>;
export type WeeklyReport = WeeklyFigures["report"];

/**
 * Builds the week's report and stores it in place of any earlier build (the same figures each time for the same
 * data). `announce` (the weekly cron) also mails every admin its headline figures, through notifications.
 */
export async function buildWeek(
  ctx: InsightsContext,
  week: IsoWeek,
  support: SellerSupportFigures,
  options: { announce: boolean; now?: number },
): Promise<WeeklyFigures> {
  const figures = await weeklyFigures(ctx, week, support);
  const { db } = ctx.services;
  const statements = replaceWeek(
    db,
    {
      week: week.week,
      startsAt: week.from,
      endsAt: week.to,
      figures: figures.report,
      builtAt: options.now ?? Date.now(),
    },
    figures.sellers.map((row: SellerWeek) => ({
      week: week.week,
      sellerId: row.sellerId,
      rank: row.rank,
      figures: row,
    })),
  );
  const events = options.announce ? [announcement(figures.report)] : [];
  await ctx.services.outbox.commit(statements, events);
  return figures;
}

function announcement(report: WeeklyReport) {
  const money = (amount: number) => ({ amount, currency: report.currency });
  const top = report.popularBooks.find((book) => book.bought > 0);
  return createEvent("WeeklyReportBuilt", {
    week: report.week,
    gmv: money(report.sales.totals.gmv),
    orders: report.sales.totals.orders,
    units: report.sales.totals.units,
    averageOrderValue: money(report.sales.totals.averageOrderValue),
    activeBuyers: report.engagement.activeBuyers,
    newAccounts: report.engagement.newAccounts,
    topBook: top ? { isbn13: top.isbn13, title: top.title } : null,
  });
}
