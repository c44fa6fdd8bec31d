import type { RateCheck, RateDecision, RateLimiter, RateRule } from "./rate-limiter";

/** The embedded default: one RateLimiterDO per key, so counting is strongly consistent without a shared store. */
export class DurableObjectRateLimiter implements RateLimiter {
  constructor(private readonly namespace: Env["RATE_LIMITER"]) {}

  hit(key: string, rule: RateRule): Promise<RateDecision> {
    return this.namespace.getByName(key).hit(rule.limit, rule.windowSeconds * 1000);
  }

  hitAll(checks: readonly RateCheck[]): Promise<RateDecision[]> {
    return Promise.all(checks.map(({ key, rule }) => this.hit(key, rule)));
  }

  async reset(key: string): Promise<void> {
    await this.namespace.getByName(key).reset();
  }
}
