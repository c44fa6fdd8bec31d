import type { MiddlewareHandler } from "hono";
import { ConfigError, loadConfig } from "../../config";
import { createLogger } from "../../lib/log";
import { buildServices } from "../../platform/services";
import type { AppEnv } from "../context";
import { BOOKMARK_HEADER, clientBookmark } from "../d1-bookmark";
import { AppError } from "../errors";

const rootLog = createLogger({ service: "book-bazaar" });

/**
 * Validates configuration, then builds the request's logger and services (adapters chosen by configuration).
 * On D1 the answer carries the bookmark its queries reached, so a client that wrote can read its own writes.
 */
export const init: MiddlewareHandler<AppEnv> = async (c, next) => {
  const log = rootLog.child({ requestId: c.get("requestId") });
  c.set("log", log);
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(c.env);
  } catch (error) {
    if (error instanceof ConfigError) log.error("configuration rejected", { issues: error.issues });
    throw new AppError("misconfigured", "The service is misconfigured. Operators have the details in the logs.");
  }
  c.set("config", config);
  const services = buildServices(c.env, config, c.executionCtx, log, clientBookmark(c.req.header(BOOKMARK_HEADER)));
  c.set("services", services);
  await next();
  const bookmark = services.bookmark();
  if (bookmark) c.header(BOOKMARK_HEADER, bookmark);
};

/** One structured line per request: method, path (never the query string), status, duration, who. */
export const accessLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = Date.now();
  await next();
  c.get("log")?.info("request", {
    method: c.req.method,
    path: new URL(c.req.url).pathname,
    status: c.res.status,
    durationMs: Date.now() - started,
    userId: c.get("principal")?.userId,
  });
};
