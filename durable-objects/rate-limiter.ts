import { DurableObject } from "cloudflare:workers";
import type { RateDecision } from "../workers/platform/rate-limit/rate-limiter";

interface Window {
  start: number;
  count: number;
  previous: number;
}

/**
 * One object per rate-limit key. A sliding-window counter: the previous window's count is weighted by how
 * much of it still overlaps the sliding window, which bounds bursts at window edges without storing every hit.
 */
export class RateLimiterDO extends DurableObject<Env> {
  hit(limit: number, windowMs: number, now = Date.now()): RateDecision {
    const storage = this.ctx.storage.kv;
    const start = now - (now % windowMs);
    const saved = storage.get<Window>("window");
    let window: Window;
    if (!saved || saved.start < start - windowMs) window = { start, count: 0, previous: 0 };
    else if (saved.start < start) window = { start, count: 0, previous: saved.count };
    else window = saved;

    const overlap = 1 - (now - start) / windowMs;
    const used = window.previous * overlap + window.count;
    if (used + 1 > limit) {
      return {
        allowed: false,
        remaining: 0,
        retryAfterSeconds: Math.max(1, Math.ceil(waitMs(window, limit, windowMs, now) / 1000)),
      };
    }
    window.count += 1;
    storage.put("window", window);
    this.ctx.storage.setAlarm(Date.now() + 2 * windowMs);
    return { allowed: true, remaining: Math.max(0, Math.floor(limit - used - 1)), retryAfterSeconds: 0 };
  }

  reset(): void {
    this.ctx.storage.kv.delete("window");
  }

  /** Idle keys clean up after themselves. */
  override alarm(): void {
    this.ctx.storage.deleteAll();
  }
}

/**
 * How long until one more hit fits. With room in the current window, that is when the previous window has
 * decayed enough; with none, the current count becomes the next window's previous one and must decay in turn.
 */
function waitMs(window: Window, limit: number, windowMs: number, now: number): number {
  const windowEnd = window.start + windowMs;
  if (window.count + 1 > limit) {
    return windowEnd + windowMs * Math.max(0, 1 - (limit - 1) / Math.max(1, window.count)) - now;
  }
  const overlapAllowed = (limit - window.count - 1) / window.previous;
  return Math.max(0, window.start + windowMs * (1 - overlapAllowed) - now);
}
