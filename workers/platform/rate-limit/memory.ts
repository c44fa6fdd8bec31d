import type { RateCheck, RateDecision, RateLimiter, RateRule } from "./rate-limiter";

interface Window {
  start: number;
  count: number;
  previous: number;
}

/**
 * The read server's limiter when no shared store is configured: the same sliding-window counter as RateLimiterDO,
 * kept in the process (a long-running Bun or Deno server has no Durable Objects). Counts are per process.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, rule: RateRule): Promise<RateDecision> {
    const now = this.now();
    const windowMs = rule.windowSeconds * 1000;
    const start = now - (now % windowMs);
    const saved = this.windows.get(key);
    let window: Window;
    if (!saved || saved.start < start - windowMs) window = { start, count: 0, previous: 0 };
    else if (saved.start < start) window = { start, count: 0, previous: saved.count };
    else window = saved;
    const used = window.previous * (1 - (now - start) / windowMs) + window.count;
    if (used + 1 > rule.limit) {
      this.windows.set(key, window);
      return {
        allowed: false,
        remaining: 0,
        retryAfterSeconds: Math.max(1, Math.ceil(waitMs(window, rule.limit, windowMs, now) / 1000)),
      };
    }
    window.count += 1;
    this.windows.set(key, window);
    if (this.windows.size > 100_000) this.forgetIdle(start - windowMs);
    return { allowed: true, remaining: Math.max(0, Math.floor(rule.limit - used - 1)), retryAfterSeconds: 0 };
  }

  hitAll(checks: readonly RateCheck[]): Promise<RateDecision[]> {
    return Promise.all(checks.map(({ key, rule }) => this.hit(key, rule)));
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }

  private forgetIdle(before: number): void {
    for (const [key, window] of this.windows) if (window.start < before) this.windows.delete(key);
  }
}

/** How long until one more hit fits, as RateLimiterDO reckons it (the previous window must decay in turn). */
function waitMs(window: Window, limit: number, windowMs: number, now: number): number {
  const windowEnd = window.start + windowMs;
  if (window.count + 1 > limit) {
    return windowEnd + windowMs * Math.max(0, 1 - (limit - 1) / Math.max(1, window.count)) - now;
  }
  const overlapAllowed = (limit - window.count - 1) / window.previous;
  return Math.max(0, window.start + windowMs * (1 - overlapAllowed) - now);
}
