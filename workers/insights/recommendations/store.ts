import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
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

export const allPurchases = (db: Db) =>
  db
    .select({ orderId: editionPurchases.orderId, isbn13: editionPurchases.isbn13, buyerId: editionPurchases.buyerId })
    .from(editionPurchases);

export const allViewerDays = (db: Db) =>
  db
    .select({ viewerKey: editionViewers.viewerKey, isbn13: editionViewers.isbn13, day: editionViewers.day })
    .from(editionViewers);

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

/** The whole table replaced in one commit: a rebuild from the same history leaves the same rows. */
export function replaceRecommendations(db: Db, rows: RecommendationRow[]): Statement[] {
  const inserts = chunked(rows, rowsPerInsert(6)).map((part) => db.insert(editionRecommendations).values(part));
  return [db.delete(editionRecommendations), ...inserts];
}
