import { AppError } from "../../http/errors";
import { atomically } from "../../platform/db";
import type { CommunityContext } from "../context";
import * as store from "../store/reviews";

/**
 * Helpful votes: one per reader and review, changed by voting again, never on one's own review. The review's
 * counts are recounted from the votes in the batch of each vote, so racing votes leave them exact.
 */

export interface VoteView {
  reviewId: string;
  helpful: boolean;
  helpfulCount: number;
  unhelpfulCount: number;
}

async function votableReview(ctx: CommunityContext, reviewId: string) {
  const review = await store.reviewById(ctx.services.db, reviewId);
  if (review?.status !== "published") throw new AppError("not_found", `No review ${reviewId}.`);
  return review;
}

/** Records (or changes) the reader's vote on a published review of someone else's; answers the new counts. */
export async function voteOnReview(
  ctx: CommunityContext,
  voterId: string,
  reviewId: string,
  helpful: boolean,
  now = Date.now(),
): Promise<VoteView> {
  const { db } = ctx.services;
  const review = await votableReview(ctx, reviewId);
  if (review.authorId === voterId) throw new AppError("own_review", "You cannot vote on your own review.");
  const [, , counts] = await atomically(db, [
    store.upsertVote(db, { reviewId, voterId, helpful }, now),
    store.recountVotes(db, reviewId),
    store.voteCountsOf(db, reviewId),
  ]);
  const [row] = counts as { helpfulCount: number; unhelpfulCount: number }[];
  return { reviewId, helpful, helpfulCount: row?.helpfulCount ?? 0, unhelpfulCount: row?.unhelpfulCount ?? 0 };
}

/** Takes the reader's vote back (nothing to take back is fine). */
export async function withdrawVote(ctx: CommunityContext, voterId: string, reviewId: string): Promise<void> {
  const { db } = ctx.services;
  await votableReview(ctx, reviewId);
  await atomically(db, [store.deleteVote(db, reviewId, voterId), store.recountVotes(db, reviewId)]);
}
