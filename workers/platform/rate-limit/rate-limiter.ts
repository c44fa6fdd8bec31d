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

export interface RateLimiter {
  hit(key: string, rule: RateRule): Promise<RateDecision>;
  /** Forgets every hit of a key (a successful login clears the failures before it). */
  reset(key: string, rule: RateRule): Promise<void>;
}
