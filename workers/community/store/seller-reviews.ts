import { and, desc, eq, sql } from "drizzle-orm";
import { sellerReviews } from "../../../schema/community";
import { olderThan } from "../../lib/keyset";
import type { Db, Statement } from "../../platform/db";
import { violatesUnique } from "../../platform/unique";

/** Drizzle queries on buyers' reviews of sellers. */

export type SellerReviewRow = typeof sellerReviews.$inferSelect;

export async function sellerReviewOfOrder(db: Db, sellerOrderId: string) {
  const [row] = await db
    .select({ id: sellerReviews.id })
    .from(sellerReviews)
    .where(eq(sellerReviews.sellerOrderId, sellerOrderId))
    .limit(1);
  return row;
}

export const insertSellerReview = (db: Db, row: SellerReviewRow): Statement => db.insert(sellerReviews).values(row);

/** One page (plus one) of a seller's published reviews, newest first, after the cursor's (createdAt, id). */
export function sellerReviewsOf(db: Db, sellerId: string, limit: number, after?: { time: number; id: string }) {
  return db
    .select()
    .from(sellerReviews)
    .where(
      and(
        eq(sellerReviews.sellerId, sellerId),
        eq(sellerReviews.status, "published"),
        after ? olderThan(sellerReviews.createdAt, sellerReviews.id, after) : undefined,
      ),
    )
    .orderBy(desc(sellerReviews.createdAt), desc(sellerReviews.id))
    .limit(limit + 1);
}

/** How many published reviews each seller has, and their stars added up. */
export function publishedSellerCounts(db: Db) {
  return db
    .select({
      sellerId: sellerReviews.sellerId,
      count: sql<number>`count(*)`.mapWith(Number),
      total: sql<number>`sum(${sellerReviews.rating})`.mapWith(Number),
    })
    .from(sellerReviews)
    .where(eq(sellerReviews.status, "published"))
    .groupBy(sellerReviews.sellerId);
}

/** Whether a write failed because the seller order has its review already. */
export function isSecondSellerReview(error: unknown): boolean {
  return violatesUnique(error, sellerReviews, "seller_reviews_seller_order_idx");
}
