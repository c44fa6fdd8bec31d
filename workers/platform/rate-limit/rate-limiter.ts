/** A rule: at most `limit` hits per `windowSeconds` for one key. */
export interface RateRule {
  limit: number;
  windowSeconds: number;
}

export interface RateDecision {
  allowed: boolean;
  remaining: number;
  /** Seconds until another hit would be allowed (0 when allowed). */
  retryAfterSeconds: number;
}

/** One key's count under its rule, for `hitAll`. */
export interface RateCheck {
  key: string;
  rule: RateRule;
}

export interface RateLimiter {
  hit(key: string, rule: RateRule): Promise<RateDecision>;
  /**
   * Counts one hit on each key at once (a request's per-user and per-IP budgets): the calls go out together, so
   * the request waits one round trip however many keys it is counted under. Decisions come back in order.
   */
  hitAll(checks: readonly RateCheck[]): Promise<RateDecision[]>;
  /** Forgets every hit of a key (a successful login clears the failures before it). */
  reset(key: string, rule: RateRule): Promise<void>;
}
