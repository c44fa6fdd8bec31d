import { AppError } from "../http/errors";
import type { CommunityContext } from "./context";

/** How often a reader may post, per kind of post (configured as <hits>/<seconds>). */
const LIMITS = {
  review: { rule: "RATE_LIMIT_REVIEWS_PER_READER", what: "reviews" },
  comment: { rule: "RATE_LIMIT_COMMENTS_PER_READER", what: "posts and comments" },
  report: { rule: "RATE_LIMIT_REPORTS_PER_READER", what: "reports" },
} as const;

export type PostingKind = keyof typeof LIMITS;

/**
 * Counts one post of `kind` by the reader and refuses it with 429 `rate_limited` and `Retry-After` when over
 * the limit. Counted before the post is written, so a burst of concurrent posts cannot all slip through.
 */
export async function enforcePostingLimit(ctx: CommunityContext, kind: PostingKind, readerId: string): Promise<void> {
  const { rule, what } = LIMITS[kind];
  const decision = await ctx.services.rateLimiter.hit(`community:${kind}:${readerId}`, ctx.config[rule]);
  if (decision.allowed) return;
  const seconds = Math.max(1, decision.retryAfterSeconds);
  throw new AppError(
    "rate_limited",
    `Too many ${what}. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`,
    { retryAfterSeconds: seconds },
    { "retry-after": String(seconds) },
  );
}
