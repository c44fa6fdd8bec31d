import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context";
import { notFound } from "../errors";

/** Paths that exist only for local runs and tests: the dev mailbox, the payment simulator and its webhook. */
export const DEVELOPMENT_PATHS = ["/v1/dev/*", "/v1/webhooks/simulated"] as const;

/**
 * Production answers these as unknown paths, whatever the adapters say: a second lock behind the configuration
 * check that already refuses the dev mailbox and simulated payments there.
 */
export const developmentOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get("config").ENVIRONMENT === "production") return notFound(c);
  await next();
};
