import { AppError } from "../http/errors";
import type { CommunityContext } from "./context";

/**
 * How often a reader may report, configured as <hits>/<seconds>. Reviews, threads and comments are counted by
 * their routes' `reviews` and `comments` budgets (workers/http/rate-limit.ts), whose per-user rules are
 * RATE_LIMIT_REVIEWS_PER_READER and RATE_LIMIT_COMMENTS_PER_READER.
 */
const LIMITS = {
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
