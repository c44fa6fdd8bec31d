import { eq, inArray, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import {
  type CommentSubject,
  type ContentStatus,
  comments,
  type ModerationTarget,
  reviews,
  sellerReviews,
  threads,
} from "../../../schema/community";
import { readChunked } from "../../lib/chunked";
import type { Db, Statement } from "../../platform/db";

/**
 * The content moderation acts on, whichever table holds it: reviews, seller reviews, threads and comments, as
 * one shape. A review also carries what moves its work's stars (work, rating, revision); a seller review what
 * moves its seller's rating (seller, rating).
 */
export interface ModeratedContent {
  type: ModerationTarget;
  id: string;
  authorId: string;
  authorName: string;
  status: ContentStatus;
  title: string | null;
  body: string;
  /** Set when its author deleted it (threads and comments keep their row, emptied). */
  deleted: boolean;
  review: { workId: string; rating: number; revision: number } | null;
  sellerReview: { sellerId: string; rating: number } | null;
  /** What a comment answers, to tell those readers once a moderator publishes it. */
  comment: { subjectType: CommentSubject; subjectId: string; parentId: string | null } | null;
}

const reviewColumns = {
  id: reviews.id,
  authorId: reviews.authorId,
  authorName: reviews.authorName,
  status: reviews.status,
  title: reviews.title,
  body: reviews.body,
  workId: reviews.workId,
  rating: reviews.rating,
  revision: reviews.revision,
};
const sellerReviewColumns = {
  id: sellerReviews.id,
  sellerId: sellerReviews.sellerId,
  buyerId: sellerReviews.buyerId,
  authorName: sellerReviews.authorName,
  status: sellerReviews.status,
  rating: sellerReviews.rating,
  comment: sellerReviews.comment,
};
const threadColumns = {
  id: threads.id,
  authorId: threads.authorId,
  authorName: threads.authorName,
  status: threads.status,
  title: threads.title,
  body: threads.body,
  deletedAt: threads.deletedAt,
};
const commentColumns = {
  id: comments.id,
  subjectType: comments.subjectType,
  subjectId: comments.subjectId,
  parentId: comments.parentId,
  authorId: comments.authorId,
  authorName: comments.authorName,
  status: comments.status,
  body: comments.body,
  deletedAt: comments.deletedAt,
};

type ReviewRow = { [K in keyof typeof reviewColumns]: (typeof reviews.$inferSelect)[K] };
type SellerReviewRow = { [K in keyof typeof sellerReviewColumns]: (typeof sellerReviews.$inferSelect)[K] };
type ThreadRow = { [K in keyof typeof threadColumns]: (typeof threads.$inferSelect)[K] };
type CommentRow = { [K in keyof typeof commentColumns]: (typeof comments.$inferSelect)[K] };

const fromReview = (row: ReviewRow): ModeratedContent => ({
  type: "review",
  id: row.id,
  authorId: row.authorId,
  authorName: row.authorName,
  status: row.status,
  title: row.title,
  body: row.body,
  deleted: false,
  review: { workId: row.workId, rating: row.rating, revision: row.revision },
  sellerReview: null,
  comment: null,
});
/** A seller review without a comment is its stars alone: its body is empty. */
const fromSellerReview = (row: SellerReviewRow): ModeratedContent => ({
  type: "seller_review",
  id: row.id,
  authorId: row.buyerId,
  authorName: row.authorName,
  status: row.status,
  title: null,
  body: row.comment ?? "",
  deleted: false,
  review: null,
  sellerReview: { sellerId: row.sellerId, rating: row.rating },
  comment: null,
});
const fromThread = (row: ThreadRow): ModeratedContent => ({
  type: "thread",
  id: row.id,
  authorId: row.authorId,
  authorName: row.authorName,
  status: row.status,
  title: row.title,
  body: row.body,
  deleted: row.deletedAt !== null,
  review: null,
  sellerReview: null,
  comment: null,
});
const fromComment = (row: CommentRow): ModeratedContent => ({
  type: "comment",
  id: row.id,
  authorId: row.authorId,
  authorName: row.authorName,
  status: row.status,
  title: null,
  body: row.body,
  deleted: row.deletedAt !== null,
  review: null,
  sellerReview: null,
  comment: { subjectType: row.subjectType, subjectId: row.subjectId, parentId: row.parentId },
});

/** The contents of one type by id (ids not found are left out). */
async function contentsOfType(db: Db, type: ModerationTarget, ids: string[]): Promise<ModeratedContent[]> {
  switch (type) {
    case "review":
      return (
        await readChunked(ids, (part) => db.select(reviewColumns).from(reviews).where(inArray(reviews.id, part)))
      ).map(fromReview);
    case "seller_review":
      return (
        await readChunked(ids, (part) =>
          db.select(sellerReviewColumns).from(sellerReviews).where(inArray(sellerReviews.id, part)),
        )
      ).map(fromSellerReview);
    case "thread":
      return (
        await readChunked(ids, (part) => db.select(threadColumns).from(threads).where(inArray(threads.id, part)))
      ).map(fromThread);
    case "comment":
      return (
        await readChunked(ids, (part) => db.select(commentColumns).from(comments).where(inArray(comments.id, part)))
      ).map(fromComment);
  }
}

export async function findContent(db: Db, type: ModerationTarget, id: string): Promise<ModeratedContent | undefined> {
  const [found] = await contentsOfType(db, type, [id]);
  return found;
}

/** The contents a page of the moderation queue points at, keyed `type:id`. */
export async function contentsOf(
  db: Db,
  targets: { type: ModerationTarget; id: string }[],
): Promise<Map<string, ModeratedContent>> {
  const types = [...new Set(targets.map((target) => target.type))];
  const found = await Promise.all(
    types.map((type) =>
      contentsOfType(
        db,
        type,
        targets.filter((target) => target.type === type).map((target) => target.id),
      ),
    ),
  );
  return new Map(found.flat().map((content) => [contentKey(content.type, content.id), content]));
}

export const contentKey = (type: ModerationTarget, id: string) => `${type}:${id}`;

/**
 * `column`'s new value, but only if it still holds what was read: NULL otherwise, which the NOT NULL column
 * refuses, so the whole batch aborts (in both dialects) and the caller reads again.
 */
const ifStill = <T extends string | number>(column: SQLiteColumn, read: T, next: T) =>
  sql`CASE WHEN ${column} = ${read} THEN ${next} ELSE NULL END` as unknown as T;

/**
 * Moves content from the status read to `to`, or aborts its batch if the content changed since it was read (a
 * concurrent report, decision or edit), so the decision, the stars and the events commit once. A review's
 * revision grows by one: `workStarMoves` is guarded by the new revision. A seller review has no revision (it
 * is never edited): `sellerRatingMoves` is guarded by the status it moved to.
 */
export function moveContent(db: Db, content: ModeratedContent, to: ContentStatus): Statement {
  switch (content.type) {
    case "review": {
      const revision = content.review?.revision ?? 0;
      return db
        .update(reviews)
        .set({
          status: ifStill(reviews.status, content.status, to),
          revision: ifStill(reviews.revision, revision, revision + 1),
        })
        .where(eq(reviews.id, content.id));
    }
    case "seller_review":
      return db
        .update(sellerReviews)
        .set({ status: ifStill(sellerReviews.status, content.status, to) })
        .where(eq(sellerReviews.id, content.id));
    case "thread":
      return db
        .update(threads)
        .set({ status: ifStill(threads.status, content.status, to) })
        .where(eq(threads.id, content.id));
    case "comment":
      return db
        .update(comments)
        .set({ status: ifStill(comments.status, content.status, to) })
        .where(eq(comments.id, content.id));
  }
}

/** The name shown on a deleted account's posts: the text stays, the name goes. */
export const DELETED_AUTHOR_NAME = "Deleted reader";

/** Replaces the author's name on everything they wrote (reviews, seller reviews, threads, comments). */
export function anonymiseAuthor(db: Db, userId: string): Statement[] {
  const name = { authorName: DELETED_AUTHOR_NAME };
  return [
    db.update(reviews).set(name).where(eq(reviews.authorId, userId)),
    db.update(sellerReviews).set(name).where(eq(sellerReviews.buyerId, userId)),
    db.update(threads).set(name).where(eq(threads.authorId, userId)),
    db.update(comments).set(name).where(eq(comments.authorId, userId)),
  ];
}
