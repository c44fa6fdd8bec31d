import type { MiddlewareHandler } from "hono";
import { formatD1Usage } from "../../platform/d1-usage";
import type { AppEnv } from "../context";

/** Bench mode only: tells the load generator what the request's D1 queries read, in a `Server-Timing` entry. */
export const d1UsageHeader: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const usage = c.get("services")?.d1Usage;
  if (!usage) return;
  try {
    c.res.headers.append("server-timing", formatD1Usage(usage));
  } catch {
    // A response passed through from elsewhere can have immutable headers.
    c.res = new Response(c.res.body, c.res);
    c.res.headers.append("server-timing", formatD1Usage(usage));
  }
};
