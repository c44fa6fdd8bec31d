import type { MiddlewareHandler } from "hono";
import { BUDGETS, type Budget, budgetKey, type RateRuleConfig } from "../config";
import type { RateCheck } from "../platform/rate-limit/rate-limiter";
import type { AppEnv } from "./context";
import { AppError } from "./errors";

/**
 * What a route is counted against: a budget (per signed-in user and per client IP), or `webhook` for a provider's
 * callbacks, which no user budget applies to (a provider retries from a few addresses; its body limit still caps it).
 */
export type RouteLimit = Budget | "webhook";

/** The `x-rate-limit` extension of an operation: the budget and the configuration keys of its two rules. */
export function rateLimitExtension(limit: RouteLimit) {
  if (limit === "webhook") return { budget: limit, perUser: null, perIp: null };
  const rule = (per: "user" | "ip") => {
    const own = BUDGETS[limit][per === "user" ? "perUser" : "perIp"];
    return { config: budgetKey(limit, per), production: own.startsWith("RATE_LIMIT_") ? undefined : own };
  };
  return { budget: limit, perUser: rule("user"), perIp: rule("ip") };
}

/**
 * Counts the request against `limit`'s budget for the signed-in user (when the auth guards before it found one)
 * and for the client IP, both in one limiter round trip, and answers 429 `rate_limited` with `Retry-After` when
 * either is spent. `publicRoute` puts it after every other guard, so it knows the user.
 */
export function limitRate(limit: RouteLimit): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (limit === "webhook") return next();
    const config = c.get("config");
    const userId = c.get("principal")?.userId;
    const ip = c.req.header("cf-connecting-ip") ?? "unknown";
    const checks: RateCheck[] = [
      { key: `budget:${limit}:ip:${ip}`, rule: config[budgetKey(limit, "ip")] as RateRuleConfig },
    ];
    if (userId)
      checks.push({ key: `budget:${limit}:user:${userId}`, rule: config[budgetKey(limit, "user")] as RateRuleConfig });
    const decisions = await c.get("services").rateLimiter.hitAll(checks);
    const refused = decisions.filter((decision) => !decision.allowed);
    if (refused.length > 0) {
      const seconds = Math.max(1, ...refused.map((decision) => decision.retryAfterSeconds));
      throw new AppError(
        "rate_limited",
        `Too many requests (${limit}). Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`,
        { retryAfterSeconds: seconds, budget: limit },
        { "retry-after": String(seconds) },
      );
    }
    return next();
  };
}
