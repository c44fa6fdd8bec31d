import { and, asc, desc, eq, gt, lt, or, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { reviews, reviewVotes } from "../../../schema/community";
import { type Db, incoming, type Statement, upserting } from "../../platform/db";
import { violatesUnique } from "../../platform/unique";
import type { ReviewSort } from "../schemas";

/** Drizzle queries on reviews and their helpful votes. Writes are returned unexecuted, for one batch with the rating moves. */

export type ReviewRow = typeof reviews.$inferSelect;

export async function reviewById(db: Db, id: string): Promise<ReviewRow | undefined> {
  const [row] = await db.select().from(reviews).where(eq(reviews.id, id)).limit(1);
  return row;
}

export async function reviewOfAuthor(db: Db, authorId: string, workId: string) {
  const [row] = await db
    .select({ id: reviews.id })
    .from(reviews)
    .where(and(eq(reviews.authorId, authorId), eq(reviews.workId, workId)))
    .limit(1);
  return row;
}

export const insertReview = (db: Db, row: ReviewRow): Statement => db.insert(reviews).values(row);

/** The change of a review, only if it is still at the revision read; the revision moves on by one. */
export function updateReview(
  db: Db,
  id: string,
  revision: number,
  patch: Pick<ReviewRow, "rating" | "title" | "body" | "verified" | "sentiment" | "status" | "updatedAt">,
): Statement {
  return db
    .update(reviews)
    .set({ ...patch, revision: revision + 1 })
    .where(and(eq(reviews.id, id), eq(reviews.revision, revision)));
}

/** Deletes a review still at the revision read, then its votes (none are left of a review that is gone). */
export function deleteReview(db: Db, id: string, revision: number): Statement[] {
  return [
    db.delete(reviews).where(and(eq(reviews.id, id), eq(reviews.revision, revision))),
    db
      .delete(reviewVotes)
      .where(and(eq(reviewVotes.reviewId, id), sql`NOT EXISTS (SELECT 1 FROM ${reviews} WHERE ${reviews.id} = ${id})`)),
  ];
}

/** Where the last review of a page stood in its sort: the sort's number (time, votes or stars) and its id. */
export interface ReviewPosition {
  k: number;
  id: string;
}

const SORTS: Record<ReviewSort, { column: SQLiteColumn; direction: "desc" | "asc" }> = {
  helpful: { column: reviews.helpfulCount, direction: "desc" },
  newest: { column: reviews.createdAt, direction: "desc" },
  highest: { column: reviews.rating, direction: "desc" },
  lowest: { column: reviews.rating, direction: "asc" },
};

export const positionOf = (row: ReviewRow, sort: ReviewSort): ReviewPosition => ({
  k: { helpful: row.helpfulCount, newest: row.createdAt, highest: row.rating, lowest: row.rating }[sort],
  id: row.id,
});

/**
 * One page (plus one, to know if there is more) of a work's published reviews in the sort asked for; ties go
 * newest first (ids sort by time), so the keyset (sort number, id) neither repeats nor skips a review.
 */
export function reviewsOfWork(
  db: Db,
  workId: string,
  query: { sort: ReviewSort; verified: boolean; limit: number; after?: ReviewPosition },
) {
  const { column, direction } = SORTS[query.sort];
  const { after } = query;
  let past: SQL | undefined;
  if (after) {
    const beyond = direction === "desc" ? lt(column, after.k) : gt(column, after.k);
    past = or(beyond, and(eq(column, after.k), lt(reviews.id, after.id)));
  }
  return db
    .select()
    .from(reviews)
    .where(
      and(
        eq(reviews.workId, workId),
        eq(reviews.status, "published"),
        query.verified ? eq(reviews.verified, true) : undefined,
        past,
      ),
    )
    .orderBy(direction === "desc" ? desc(column) : asc(column), desc(reviews.id))
    .limit(query.limit + 1);
}

// helpful votes

/** The reader's vote, added or changed. */
export function upsertVote(db: Db, vote: { reviewId: string; voterId: string; helpful: boolean }, now: number) {
  return upserting(
    db,
    db.insert(reviewVotes).values({ ...vote, createdAt: now, updatedAt: now }),
    [reviewVotes.reviewId, reviewVotes.voterId],
    { helpful: incoming(db, reviewVotes.helpful), updatedAt: now },
  );
}

export const deleteVote = (db: Db, reviewId: string, voterId: string): Statement =>
  db.delete(reviewVotes).where(and(eq(reviewVotes.reviewId, reviewId), eq(reviewVotes.voterId, voterId)));

/** Sets a review's counts from its votes, in the batch of the vote: exact whatever votes raced it. */
export function recountVotes(db: Db, reviewId: string): Statement {
  const counted = (helpful: boolean) =>
    sql`(SELECT count(*) FROM ${reviewVotes} WHERE ${reviewVotes.reviewId} = ${reviewId} AND ${reviewVotes.helpful} = ${helpful ? 1 : 0})`;
  return db
    .update(reviews)
    .set({ helpfulCount: counted(true), unhelpfulCount: counted(false) })
    .where(eq(reviews.id, reviewId));
}

/** A review's vote counts, read in the batch of the vote that moved them. */
export const voteCountsOf = (db: Db, reviewId: string): Statement =>
  db
    .select({ helpfulCount: reviews.helpfulCount, unhelpfulCount: reviews.unhelpfulCount })
    .from(reviews)
    .where(eq(reviews.id, reviewId))
    .limit(1);

// the nightly recompute

/** How many published reviews of each work give each number of stars. */
export function publishedStarCounts(db: Db) {
  return db
    .select({ workId: reviews.workId, rating: reviews.rating, count: sql<number>`count(*)`.mapWith(Number) })
    .from(reviews)
    .where(eq(reviews.status, "published"))
    .groupBy(reviews.workId, reviews.rating);
}

/** Whether a write failed because the reader has a review of the work already (two first reviews at once). */
export function isSecondReview(error: unknown): boolean {
  return violatesUnique(error, reviews, "reviews_author_work_idx");
}
