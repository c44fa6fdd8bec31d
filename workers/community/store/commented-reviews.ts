import { and, eq, type SQL, sql } from "drizzle-orm";
import { reviews } from "../../../schema/community";
import type { Db, Statement } from "../../platform/db";

/** A review as the subject of comments: whether it is shown, whose it is and what it is about. */
export async function reviewAsSubject(db: Db, id: string) {
  const [review] = await db
    .select({
      id: reviews.id,
      authorId: reviews.authorId,
      isbn13: reviews.isbn13,
      title: reviews.title,
      status: reviews.status,
    })
    .from(reviews)
    .where(eq(reviews.id, id))
    .limit(1);
  return review;
}

/** A comment readers see came (+1) or went (-1) under a review; `guard` as for threads. */
export function moveReviewComments(db: Db, reviewId: string, delta: 1 | -1, guard?: SQL): Statement {
  return db
    .update(reviews)
    .set({ commentCount: sql`${reviews.commentCount} + ${delta}` })
    .where(and(eq(reviews.id, reviewId), guard));
}
