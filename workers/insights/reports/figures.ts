import type { EditionFact, ListingFact } from "../../catalog";
import type { WrittenReview } from "../../community";
import type { PaidOrderInRange } from "../../orders";
import type { IsoWeek } from "./weeks";

/** The figures of a week's report, computed from what the other modules hold; amounts in minor units of EUR. */

const DAY_MS = 24 * 60 * 60 * 1000;
const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
const ratio = (part: number, whole: number) => (whole === 0 ? 0 : round(part / whole, 4));
const mean = (values: number[], places: number) =>
  values.length === 0 ? null : round(values.reduce((sum, value) => sum + value, 0) / values.length, places);
const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);

/** Price bands of a copy's price in force (minor units): the lower bound is in the band, the upper is not. */
export const PRICE_BANDS = [
  { band: "under_5", below: 500 },
  { band: "5_to_10", below: 1000 },
  { band: "10_to_20", below: 2000 },
  { band: "20_to_50", below: 5000 },
  { band: "50_and_over", below: Number.POSITIVE_INFINITY },
] as const;
export const bandOf = (amount: number) => PRICE_BANDS.find((band) => amount < band.below)!.band;

interface Takings {
  gmv: number;
  orders: number;
  units: number;
  averageOrderValue: number;
}
const takings = (gmv: number, orders: number, units: number): Takings => ({
  gmv,
  orders,
  units,
  averageOrderValue: orders === 0 ? 0 : Math.round(gmv / orders),
});

/** GMV is what the buyers paid for the books (covers included, discounts taken off, shipping and tax left out). */
export function salesTrends(
  week: IsoWeek,
  paid: PaidOrderInRange[],
  editionOf: Map<string, string>,
  editions: Map<string, EditionFact>,
) {
  const lines = paid.flatMap((order) => order.lines.map((line) => ({ ...line, day: dayOf(order.paidAt) })));
  const sum = (of: typeof lines) => of.reduce((total, line) => total + line.lineTotal, 0);
  const units = (of: typeof lines) => of.reduce((total, line) => total + line.quantity, 0);
  const days = week.days.map((day) => {
    const ofDay = lines.filter((line) => line.day === day);
    return { day, ...takings(sum(ofDay), new Set(ofDay.map((line) => line.orderId)).size, units(ofDay)) };
  });
  const byCategory = new Map<string, typeof lines>();
  for (const line of lines) {
    const categories = editions.get(editionOf.get(line.listingId) ?? "")?.categories ?? [];
    for (const category of categories.length > 0 ? categories : ["Uncategorised"]) {
      byCategory.set(category, [...(byCategory.get(category) ?? []), line]);
    }
  }
  const kinds = (["new", "second_hand"] as const).map((kind) => {
    const of = lines.filter((line) => (line.condition === "new") === (kind === "new"));
    return { kind, ...takings(sum(of), new Set(of.map((line) => line.orderId)).size, units(of)) };
  });
  return {
    totals: takings(sum(lines), paid.length, units(lines)),
    days,
    byCategory: [...byCategory]
      .map(([category, of]) => ({
        category,
        ...takings(sum(of), new Set(of.map((line) => line.orderId)).size, units(of)),
      }))
      .sort((a, b) => b.gmv - a.gmv || a.category.localeCompare(b.category)),
    byCondition: kinds,
  };
}

/**
 * Sell-through per price band and condition: of the listings created before the week's end, the share that sold
 * a copy in the week, and their average days from listing to that first sale. Promotions: discounted lines
 * against full-price ones.
 */
export function pricingPerformance(week: IsoWeek, paid: PaidOrderInRange[], listed: ListingFact[]) {
  const firstSale = new Map<string, number>();
  for (const order of paid) {
    for (const line of order.lines) {
      const seen = firstSale.get(line.listingId);
      if (seen === undefined || order.paidAt < seen) firstSale.set(line.listingId, order.paidAt);
    }
  }
  const groups = new Map<string, { band: string; condition: string; listed: number; sold: number; days: number[] }>();
  for (const listing of listed) {
    if (listing.createdAt >= week.to) continue;
    const band = bandOf(listing.priceAmount);
    const key = `${band}/${listing.condition}`;
    const group = groups.get(key) ?? { band, condition: listing.condition, listed: 0, sold: 0, days: [] };
    group.listed += 1;
    const soldAt = firstSale.get(listing.id);
    if (soldAt !== undefined) {
      group.sold += 1;
      group.days.push((soldAt - listing.createdAt) / DAY_MS);
    }
    groups.set(key, group);
  }
  const bandOrder = PRICE_BANDS.map((band) => band.band as string);
  const bands = [...groups.values()]
    .sort((a, b) => bandOrder.indexOf(a.band) - bandOrder.indexOf(b.band) || a.condition.localeCompare(b.condition))
    .map(({ days, ...group }) => ({
      ...group,
      sellThrough: ratio(group.sold, group.listed),
      averageDaysToSell: mean(days, 1),
    }));
  const lines = paid.flatMap((order) => order.lines);
  const promotions = [true, false].map((discounted) => {
    const of = lines.filter((line) => line.discountTotal > 0 === discounted);
    const units = of.reduce((total, line) => total + line.quantity, 0);
    const revenue = of.reduce((total, line) => total + line.lineTotal, 0);
    return {
      discounted,
      lines: of.length,
      units,
      revenue,
      discount: of.reduce((total, line) => total + line.discountTotal, 0),
      averageUnitRevenue: units === 0 ? 0 : Math.round(revenue / units),
    };
  });
  return { bands, promotions };
}

/** The funnel per edition: views and cart adds (the tally) against copies bought; the 20 most bought first. */
export function popularBooks(
  paid: PaidOrderInRange[],
  funnel: { editionId: string; views: number; cartAdds: number }[],
  editionOf: Map<string, string>,
  editions: Map<string, EditionFact>,
) {
  const books = new Map<string, { editionId: string; views: number; cartAdds: number; bought: number }>();
  const book = (editionId: string) => {
    const found = books.get(editionId) ?? { editionId, views: 0, cartAdds: 0, bought: 0 };
    books.set(editionId, found);
    return found;
  };
  for (const row of funnel) Object.assign(book(row.editionId), { views: row.views, cartAdds: row.cartAdds });
  for (const line of paid.flatMap((order) => order.lines)) {
    const editionId = editionOf.get(line.listingId);
    if (editionId) book(editionId).bought += line.quantity;
  }
  return [...books.values()]
    .sort(
      (a, b) =>
        b.bought - a.bought || b.cartAdds - a.cartAdds || b.views - a.views || a.editionId.localeCompare(b.editionId),
    )
    .slice(0, 20)
    .map((row) => ({
      ...row,
      isbn13: editions.get(row.editionId)?.isbn13 ?? "",
      title: editions.get(row.editionId)?.title ?? "",
      viewToCart: ratio(row.cartAdds, row.views),
      cartToBought: ratio(row.bought, row.cartAdds),
    }));
}

/** Sentiment above zero reads positive, below zero negative (community's AFINN score). */
export function reviewInsights(
  week: IsoWeek,
  reviews: WrittenReview[],
  keywords: (texts: string[]) => { word: string; count: number }[],
) {
  const textOf = (review: WrittenReview) => [review.title, review.body].filter(Boolean).join(" ");
  const positive = reviews.filter((review) => review.sentiment > 0);
  const negative = reviews.filter((review) => review.sentiment < 0);
  const neutral = reviews.length - positive.length - negative.length;
  return {
    days: week.days.map((day) => {
      const ofDay = reviews.filter((review) => dayOf(review.createdAt) === day);
      return {
        day,
        reviews: ofDay.length,
        averageRating: mean(
          ofDay.map((review) => review.rating),
          2,
        ),
      };
    }),
    averageRating: mean(
      reviews.map((review) => review.rating),
      2,
    ),
    sentiment: {
      positive: positive.length,
      neutral,
      negative: negative.length,
      positiveShare: ratio(positive.length, reviews.length),
      neutralShare: ratio(neutral, reviews.length),
      negativeShare: ratio(negative.length, reviews.length),
    },
    positiveKeywords: keywords(positive.map(textOf)),
    negativeKeywords: keywords(negative.map(textOf)),
  };
}

export { mean, ratio };
