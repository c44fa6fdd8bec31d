import type { Context } from "hono";
import type { Config } from "../config";
import type { AppEnv } from "../http/context";
import type { Logger } from "../lib/log";
import type { Services } from "../platform/services";

/** What payments' webhook handling works with: the per-request services (database, provider), the config, the log. */
export interface PaymentsContext {
  services: Services;
  config: Config;
  log: Logger;
}

/** The payments context of a request (payments consumes no events; the cron passes only what reconciliation reads). */
export function paymentsContextOf(c: Context<AppEnv>): PaymentsContext {
  return { services: c.get("services"), config: c.get("config"), log: c.get("log") };
}
