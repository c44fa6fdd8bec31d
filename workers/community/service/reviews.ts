import { z } from "@hono/zod-openapi";
import type { ContentStatus } from "../../../schema/community";
import { type WorkOfEdition, workOfEdition } from "../../catalog";
import { AppError } from "../../http/errors";
import { decodeCursor, encodeCursor } from "../../http/schemas";
import { newId } from "../../lib/ids";
import { hasDeliveredAnyOf } from "../../orders";
import { changes } from "../../platform/db";
import { authorNameOf } from "../authors";
import type { CommunityContext } from "../context";
import { communityEvents } from "../events";
import { holdIfFlagged } from "../held";
import { workStarMoves } from "../ratings";
import { REVIEW_SORTS, type ReviewBody, type ReviewPatch, type ReviewsQuery, type ReviewView } from "../schemas";
import { type Screening, screen } from "../screening";
import { sentimentOf } from "../sentiment";
import * as store from "../store/reviews";
import { changedMeanwhile } from "./conflict";

/**
 * Readers' reviews of works: one per reader and work, written from one edition and shown on all of them. Each
 * write is screened (a flagged one waits as `pending`), scored for sentiment, checked for a verified purchase
 * by the server and committed with its move of the work's stars and its event in one batch.
 */

export function reviewView(row: store.ReviewRow): ReviewView {
  return {
    id: row.id,
    isbn13: row.isbn13,
    authorName: row.authorName,
    rating: row.rating,
    title: row.title,
    body: row.body,
    verified: row.verified,
    status: row.status,
    helpfulCount: row.helpfulCount,
    unhelpfulCount: row.unhelpfulCount,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

async function bookOf(ctx: CommunityContext, isbn: string): Promise<WorkOfEdition> {
  const book = await workOfEdition({ db: ctx.services.db }, isbn);
  if (!book) throw new AppError("not_found", `No edition with ISBN ${isbn}.`);
  return book;
}

const alreadyReviewed = () =>
  new AppError("already_reviewed", "You have already reviewed this book; edit your review instead.");

/** Writes the reader's review of the work of `isbn`; answers it, `pending` when the filter held it. */
export async function postReview(
  ctx: CommunityContext,
  authorId: string,
  isbn: string,
  input: ReviewBody,
  now = Date.now(),
): Promise<ReviewView> {
  const { db, outbox } = ctx.services;
  const book = await bookOf(ctx, isbn);
  if (await store.reviewOfAuthor(db, authorId, book.workId)) throw alreadyReviewed();
  const screening = screen(input.title, input.body);
  const [verified, authorName] = await Promise.all([
    hasDeliveredAnyOf(ctx, authorId, book.workIsbns),
    authorNameOf(ctx, authorId),
  ]);
  const row: store.ReviewRow = {
    id: newId("rev"),
    workId: book.workId,
    editionId: book.editionId,
    isbn13: book.isbn13,
    authorId,
    authorName,
    rating: input.rating,
    title: input.title ?? null,
    body: input.body,
    verified,
    sentiment: sentimentOf(input.title, input.body),
    status: screening.publish ? "published" : "pending",
    helpfulCount: 0,
    unhelpfulCount: 0,
    commentCount: 0,
    revision: 1,
    createdAt: now,
    updatedAt: now,
  };
  const held = await holdIfFlagged(ctx, { type: "review", id: row.id, authorId }, screening, now);
  try {
    await outbox.commit(
      [store.insertReview(db, row), ...workStarMoves(ctx, row, null, row), ...held.statements],
      [
        communityEvents.reviewPosted({
          reviewId: row.id,
          workId: row.workId,
          editionId: row.editionId,
          isbn13: row.isbn13,
          authorId,
          rating: row.rating,
          verified,
          status: row.status,
        }),
        ...held.events,
      ],
    );
  } catch (error) {
    // Two first reviews of one work by one reader at once: the unique index keeps one.
    if (store.isSecondReview(error)) throw alreadyReviewed();
    throw error;
  }
  return reviewView(row);
}

/** The caller's own review; another reader's, and a removed one, are 404 like an unknown id. */
async function ownReview(ctx: CommunityContext, authorId: string, reviewId: string): Promise<store.ReviewRow> {
  const review = await store.reviewById(ctx.services.db, reviewId);
  if (!review || review.authorId !== authorId || review.status === "removed") {
    throw new AppError("not_found", `No review ${reviewId} of yours.`);
  }
  return review;
}

/**
 * Where an edit leaves a review: a published one the filter flags goes back to `pending`; a pending one stays
 * pending until a moderator decides (its moderation item is open); a hidden one stays hidden.
 */
function statusAfterEdit(current: ContentStatus, screening: Screening): ContentStatus {
  if (current === "published") return screening.publish ? "published" : "pending";
  return current;
}

/** Changes the caller's review: re-screened, re-scored and re-checked for a verified purchase. */
export async function editReview(
  ctx: CommunityContext,
  authorId: string,
  reviewId: string,
  patch: ReviewPatch,
  now = Date.now(),
): Promise<ReviewView> {
  const { db, outbox } = ctx.services;
  const current = await ownReview(ctx, authorId, reviewId);
  const title = patch.title === undefined ? current.title : patch.title;
  const body = patch.body ?? current.body;
  const screening = screen(title, body);
  const status = statusAfterEdit(current.status, screening);
  const book = await workOfEdition({ db }, current.isbn13);
  const verified = book ? await hasDeliveredAnyOf(ctx, authorId, book.workIsbns) : current.verified;
  const change = {
    rating: patch.rating ?? current.rating,
    title,
    body,
    verified,
    sentiment: sentimentOf(title, body),
    status,
    updatedAt: now,
  };
  const updated = { ...current, ...change, revision: current.revision + 1 };
  const held =
    status === "pending"
      ? await holdIfFlagged(ctx, { type: "review", id: current.id, authorId }, screening, now)
      : { statements: [], events: [] };
  const moves = workStarMoves(ctx, current, current, updated);
  const results = await outbox.commit(
    [...moves, store.updateReview(db, current.id, current.revision, change), ...held.statements],
    [
      communityEvents.reviewChanged({
        reviewId: current.id,
        workId: current.workId,
        authorId,
        change: "edited",
        rating: updated.rating,
        status: updated.status,
      }),
      ...held.events,
    ],
  );
  if (changes(results[moves.length]) === 0) throw changedMeanwhile("review");
  return reviewView(updated);
}

/** Deletes the caller's review, its votes and its stars from the work's rating. */
export async function deleteReview(ctx: CommunityContext, authorId: string, reviewId: string): Promise<void> {
  const { db, outbox } = ctx.services;
  const current = await ownReview(ctx, authorId, reviewId);
  const moves = workStarMoves(ctx, current, current, null);
  const results = await outbox.commit(
    [...moves, ...store.deleteReview(db, current.id, current.revision)],
    [
      communityEvents.reviewChanged({
        reviewId: current.id,
        workId: current.workId,
        authorId,
        change: "deleted",
        rating: null,
        status: null,
      }),
    ],
  );
  if (changes(results[moves.length]) === 0) throw changedMeanwhile("review");
}

const ReviewCursor = z.object({ s: z.enum(REVIEW_SORTS), k: z.number(), id: z.string() });

/** A page of the published reviews of the work of `isbn` (every edition's), in the sort asked for. */
export async function reviewsOfBook(ctx: CommunityContext, isbn: string, query: ReviewsQuery) {
  const book = await bookOf(ctx, isbn);
  const cursor = decodeCursor(query.cursor, ReviewCursor);
  // A cursor holds one sort's position: from another sort it would skip or repeat reviews.
  if (cursor && cursor.s !== query.sort) throw new AppError("invalid_cursor", "This cursor is of another sort.");
  const rows = await store.reviewsOfWork(ctx.services.db, book.workId, { ...query, after: cursor });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(reviewView),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ s: query.sort, ...store.positionOf(last, query.sort) }) : null,
  };
}
