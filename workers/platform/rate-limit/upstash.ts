import { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "@upstash/redis/cloudflare";
import type { RateCheck, RateDecision, RateLimiter, RateRule } from "./rate-limiter";

/** Production adapter on Upstash Redis: a sliding window per key, shared by every Worker location. */
export class UpstashRateLimiter implements RateLimiter {
  private readonly limiters = new Map<string, Ratelimit>();

  constructor(private readonly redis: Redis) {}

  async hit(key: string, rule: RateRule): Promise<RateDecision> {
    const result = await this.limiter(rule).limit(key);
    return {
      allowed: result.success,
      remaining: Math.max(0, result.remaining),
      retryAfterSeconds: result.success ? 0 : Math.max(1, Math.ceil((result.reset - Date.now()) / 1000)),
    };
  }

  hitAll(checks: readonly RateCheck[]): Promise<RateDecision[]> {
    return Promise.all(checks.map(({ key, rule }) => this.hit(key, rule)));
  }

  async reset(key: string, rule: RateRule): Promise<void> {
    await this.limiter(rule).resetUsedTokens(key);
  }

  private limiter(rule: RateRule): Ratelimit {
    const id = `${rule.limit}/${rule.windowSeconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new Ratelimit({
        redis: this.redis,
        limiter: Ratelimit.slidingWindow(rule.limit, `${rule.windowSeconds} s`),
        prefix: `rl:${id}`,
        ephemeralCache: false,
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}
