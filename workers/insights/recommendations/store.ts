import { and, asc, desc, eq, gt, inArray, lt, or, sql } from "drizzle-orm";
import { editionPurchases, editionRecommendations, editionViewers } from "../../../schema/insights";
import { chunked, readChunked, rowsPerInsert } from "../../lib/chunked";
import { type Db, ignoringDuplicates, type Statement } from "../../platform/db";

export type RecommendationKind = "bought_together" | "also_viewed";

export interface ViewerDay {
  viewerKey: string;
  isbn13: string;
  day: string;
  userId: string | null;
}

export interface PurchasedEdition {
  orderId: string;
  isbn13: string;
  buyerId: string;
  day: string;
  quantity: number;
}

export const recordViewers = (db: Db, views: ViewerDay[]): Statement[] =>
  views.map((view) => ignoringDuplicates(db, db.insert(editionViewers).values(view), editionViewers.viewerKey));

export const recordPurchases = (db: Db, purchases: PurchasedEdition[]): Statement[] =>
  purchases.map((purchase) =>
    ignoringDuplicates(db, db.insert(editionPurchases).values(purchase), editionPurchases.orderId),
  );

/** How many rows the daily build reads at a time. */
export const READ_PAGE = 5_000;

export type PurchaseKey = { orderId: string; isbn13: string };
export type ViewerDayKey = { viewerKey: string; isbn13: string; day: string };

/** One page of the recorded purchases, in (order, edition) order, after `after`. */
export const purchasesAfter = (db: Db, after: PurchaseKey | undefined) =>
  db
    .select({ orderId: editionPurchases.orderId, isbn13: editionPurchases.isbn13, buyerId: editionPurchases.buyerId })
    .from(editionPurchases)
    .where(
      after &&
        or(
          gt(editionPurchases.orderId, after.orderId),
          and(eq(editionPurchases.orderId, after.orderId), gt(editionPurchases.isbn13, after.isbn13)),
        ),
    )
    .orderBy(asc(editionPurchases.orderId), asc(editionPurchases.isbn13))
    .limit(READ_PAGE);

/** One page of the recorded viewer days, in primary-key order, after `after`. */
export const viewerDaysAfter = (db: Db, after: ViewerDayKey | undefined) =>
  db
    .select({ viewerKey: editionViewers.viewerKey, isbn13: editionViewers.isbn13, day: editionViewers.day })
    .from(editionViewers)
    .where(
      after &&
        or(
          gt(editionViewers.viewerKey, after.viewerKey),
          and(eq(editionViewers.viewerKey, after.viewerKey), gt(editionViewers.isbn13, after.isbn13)),
          and(
            eq(editionViewers.viewerKey, after.viewerKey),
            eq(editionViewers.isbn13, after.isbn13),
            gt(editionViewers.day, after.day),
          ),
        ),
    )
    .orderBy(asc(editionViewers.viewerKey), asc(editionViewers.isbn13), asc(editionViewers.day))
    .limit(READ_PAGE);

export const purchasesOf = (db: Db, buyerId: string) =>
  db
    .select({ isbn13: editionPurchases.isbn13, day: editionPurchases.day })
    .from(editionPurchases)
    .where(eq(editionPurchases.buyerId, buyerId));

export const viewsOf = (db: Db, userId: string) =>
  db.select({ isbn13: editionViewers.isbn13 }).from(editionViewers).where(eq(editionViewers.userId, userId));

/** Editions by copies bought, most first: the best sellers. */
export const bestSellers = (db: Db, limit: number) =>
  db
    .select({ isbn13: editionPurchases.isbn13, copies: sql<number>`sum(${editionPurchases.quantity})`.mapWith(Number) })
    .from(editionPurchases)
    .groupBy(editionPurchases.isbn13)
    .orderBy(desc(sql`sum(${editionPurchases.quantity})`), asc(editionPurchases.isbn13))
    .limit(limit);

export const recommendationsOf = (db: Db, isbns: string[], kind: RecommendationKind) =>
  readChunked(isbns, (part) =>
    db
      .select({
        isbn13: editionRecommendations.isbn13,
        recommendedIsbn13: editionRecommendations.recommendedIsbn13,
        score: editionRecommendations.score,
      })
      .from(editionRecommendations)
      .where(and(inArray(editionRecommendations.isbn13, part), eq(editionRecommendations.kind, kind)))
      .orderBy(asc(editionRecommendations.isbn13), asc(editionRecommendations.rank)),
  );

export interface RecommendationRow {
  isbn13: string;
  kind: RecommendationKind;
  rank: number;
  recommendedIsbn13: string;
  score: number;
  builtAt: number;
}

/**
 * One window of a rebuild: these editions' lists replaced in one commit (their earlier rows out, `rows` in), so a
 * reader never sees half an edition's list.
 */
export function replaceListsOf(db: Db, isbns: string[], rows: RecommendationRow[]): Statement[] {
  const inserts = chunked(rows, rowsPerInsert(6)).map((part) => db.insert(editionRecommendations).values(part));
  return [db.delete(editionRecommendations).where(inArray(editionRecommendations.isbn13, isbns)), ...inserts];
}

/** After a rebuild's windows: the lists of editions that build left out (built before it). */
export const dropListsBuiltBefore = (db: Db, builtAt: number) =>
  db.delete(editionRecommendations).where(lt(editionRecommendations.builtAt, builtAt));
