import type { ContentStatus } from "../../../schema/community";
import type { Statement } from "../../platform/db";
import type { CommunityContext } from "../context";
import { communityEvents } from "../events";
import { sellerRatingMoves, workStarMoves } from "../ratings";
import { type ModeratedContent, moveContent } from "../store/moderation";

type ReviewChange = "hidden" | "restored" | "removed";

/**
 * What moving content to another status by moderation writes: the status (aborting the batch if the content
 * changed since it was read), for a review its work's stars and `ReviewChanged`, and for a seller review its
 * seller's rating, so the ratings shown with books and sellers count only what readers can see.
 */
export function moveByModeration(
  ctx: CommunityContext,
  content: ModeratedContent,
  to: ContentStatus,
  change: ReviewChange,
): { statements: Statement[]; events: ReturnType<typeof communityEvents.reviewChanged>[] } {
  const statements = [moveContent(ctx.services.db, content, to)];
  const { review, sellerReview } = content;
  if (sellerReview) {
    const rating = sellerRatingMoves(
      ctx,
      { id: content.id, sellerId: sellerReview.sellerId },
      { rating: sellerReview.rating, status: content.status },
      { rating: sellerReview.rating, status: to },
    );
    return { statements: [...statements, ...rating], events: [] };
  }
  if (!review) return { statements, events: [] };
  const moved = { id: content.id, workId: review.workId, revision: review.revision + 1 };
  const stars = workStarMoves(
    ctx,
    moved,
    { rating: review.rating, status: content.status },
    { rating: review.rating, status: to },
  );
  const event = communityEvents.reviewChanged({
    reviewId: content.id,
    workId: review.workId,
    authorId: content.authorId,
    change,
    rating: review.rating,
    status: to,
  });
  return { statements: [...statements, ...stars], events: [event] };
}
