import { sql } from "drizzle-orm";
import { type ContentStatus, reviews, sellerReviews } from "../../schema/community";
import { moveWorkStars } from "../catalog";
import type { Statement } from "../platform/db";
import { moveSellerRating } from "../sellers";
import type { CommunityContext } from "./context";

/**
 * How a review write moves the ratings the catalog and the sellers show: only published reviews count, so a
 * review moves its stars out when it is edited, deleted, held or hidden, and in when it is written, edited or
 * restored. Each move is guarded by a condition on the review, so a write that lost a race moves nothing.
 */

export interface Counted {
  rating: number;
  status: ContentStatus;
}

const counted = (review: Counted | null) => (review?.status === "published" ? review.rating : null);

/**
 * The work's stars moved by a review going from `before` to `after` (null: not there), guarded by the review
 * standing at `revision`. Put it after the insert of a new review (revision 1), and before the conditional update
 * or delete of an existing one (with the revision read): of two writes from the same revision only the first
 * finds the review there, so the second moves nothing (guarding by the revision after the write would let the
 * loser see the winner's).
 */
export function workStarMoves(
  ctx: CommunityContext,
  review: { id: string; workId: string; revision: number },
  before: Counted | null,
  after: Counted | null,
): Statement[] {
  const guard = sql`EXISTS (SELECT 1 FROM ${reviews} WHERE ${reviews.id} = ${review.id} AND ${reviews.revision} = ${review.revision})`;
  const move = moveWorkStars(ctx.services.db, review.workId, { from: counted(before), to: counted(after) }, guard);
  return move ? [move] : [];
}

/** The seller's rating moved by a seller review going from `before` to `after`, guarded by its status. */
export function sellerRatingMoves(
  ctx: CommunityContext,
  review: { id: string; sellerId: string },
  before: Counted | null,
  after: Counted | null,
): Statement[] {
  const guard =
    after === null
      ? sql`NOT EXISTS (SELECT 1 FROM ${sellerReviews} WHERE ${sellerReviews.id} = ${review.id})`
      : sql`EXISTS (SELECT 1 FROM ${sellerReviews} WHERE ${sellerReviews.id} = ${review.id} AND ${sellerReviews.status} = ${after.status} AND ${sellerReviews.rating} = ${after.rating})`;
  const move = moveSellerRating(ctx.services.db, review.sellerId, { from: counted(before), to: counted(after) }, guard);
  return move ? [move] : [];
}
