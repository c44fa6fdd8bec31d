import type { CommunityContext } from "./context";
import { commentsWrittenIn, reviewsWrittenIn } from "./store/contributions";

/** A published review as the weekly review insights read it: stars, words, sentiment score, when. */
export interface WrittenReview {
  rating: number;
  title: string | null;
  body: string;
  sentiment: number;
  createdAt: number;
}

/** The published reviews and the number of published comments written in [from, to) epoch ms. Read-only. */
export async function contributionsIn(
  ctx: Pick<CommunityContext, "services">,
  range: { from: number; to: number },
): Promise<{ reviews: WrittenReview[]; comments: number }> {
  const { db } = ctx.services;
  const [written, commented] = await Promise.all([
    reviewsWrittenIn(db, range.from, range.to),
    commentsWrittenIn(db, range.from, range.to),
  ]);
  return { reviews: written, comments: commented.length };
}
