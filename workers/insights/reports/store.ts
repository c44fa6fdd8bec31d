import { and, eq, gte, lte, sql } from "drizzle-orm";
import { editionFunnelDays, weeklyReports, weeklySellerReports } from "../../../schema/insights";
import { chunked, rowsPerInsert } from "../../lib/chunked";
import { type Db, incoming, type Statement, upserting } from "../../platform/db";

/** Drizzle queries on the funnel tally and the weekly report tables. Writes are returned unexecuted. */

export type FunnelCount = { editionId: string; day: string; views: number; cartAdds: number };

/** Adds a batch's views and cart adds of one edition and day to its row. */
export function countFunnel(db: Db, count: FunnelCount): Statement {
  return upserting(
    db,
    db.insert(editionFunnelDays).values(count),
    [editionFunnelDays.editionId, editionFunnelDays.day],
    {
      views: sql`${editionFunnelDays.views} + ${count.views}`,
      cartAdds: sql`${editionFunnelDays.cartAdds} + ${count.cartAdds}`,
    },
  );
}

/** Each edition's views and cart adds summed over the days `first` to `last` (both `YYYY-MM-DD`, included). */
export function funnelBetween(db: Db, first: string, last: string) {
  return db
    .select({
      editionId: editionFunnelDays.editionId,
      views: sql<number>`sum(${editionFunnelDays.views})`.mapWith(Number),
      cartAdds: sql<number>`sum(${editionFunnelDays.cartAdds})`.mapWith(Number),
    })
    .from(editionFunnelDays)
    .where(and(gte(editionFunnelDays.day, first), lte(editionFunnelDays.day, last)))
    .groupBy(editionFunnelDays.editionId);
}

export type WeeklyReportRow = typeof weeklyReports.$inferSelect;
export type WeeklySellerRow = typeof weeklySellerReports.$inferSelect;

/** The week's report row in place of any earlier build, and its seller rows in place of the earlier ones. */
export function replaceWeek(db: Db, report: WeeklyReportRow, sellers: WeeklySellerRow[]): Statement[] {
  const upsert = upserting(db, db.insert(weeklyReports).values(report), weeklyReports.week, {
    startsAt: incoming(db, weeklyReports.startsAt),
    endsAt: incoming(db, weeklyReports.endsAt),
    figures: incoming(db, weeklyReports.figures),
    builtAt: incoming(db, weeklyReports.builtAt),
  });
  const inserts = chunked(sellers, rowsPerInsert(4)).map((part) => db.insert(weeklySellerReports).values(part));
  return [upsert, db.delete(weeklySellerReports).where(eq(weeklySellerReports.week, report.week)), ...inserts];
}

export async function reportOfWeek(db: Db, week: string): Promise<WeeklyReportRow | undefined> {
  const [row] = await db.select().from(weeklyReports).where(eq(weeklyReports.week, week)).limit(1);
  return row;
}

export function sellerRowsOfWeek(db: Db, week: string) {
  return db
    .select()
    .from(weeklySellerReports)
    .where(eq(weeklySellerReports.week, week))
    .orderBy(weeklySellerReports.rank);
}

export async function sellerRowOfWeek(db: Db, week: string, sellerId: string) {
  const [row] = await db
    .select()
    .from(weeklySellerReports)
    .where(and(eq(weeklySellerReports.week, week), eq(weeklySellerReports.sellerId, sellerId)))
    .limit(1);
  return row;
}
