import { and, eq, gte, lt } from "drizzle-orm";
import { comments, reviews } from "../../../schema/community";
import type { Db } from "../../platform/db";

/** Read-only queries for the weekly reports: the published reviews and comments written in a range. */

export function reviewsWrittenIn(db: Db, from: number, to: number) {
  return db
    .select({
      rating: reviews.rating,
      title: reviews.title,
      body: reviews.body,
      sentiment: reviews.sentiment,
      createdAt: reviews.createdAt,
    })
    .from(reviews)
    .where(and(eq(reviews.status, "published"), gte(reviews.createdAt, from), lt(reviews.createdAt, to)));
}

export function commentsWrittenIn(db: Db, from: number, to: number) {
  return db
    .select({ createdAt: comments.createdAt })
    .from(comments)
    .where(and(eq(comments.status, "published"), gte(comments.createdAt, from), lt(comments.createdAt, to)));
}
