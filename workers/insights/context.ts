import type { Context } from "hono";
import type { ConsumerContext } from "../../queues/consumer";
import type { Config } from "../config";
import type { AppEnv } from "../http/context";
import type { Logger } from "../lib/log";
import type { Services } from "../platform/services";

/** What insights works with, from a request, a queue batch or a cron run: the services, the settings, the log. */
export interface InsightsContext {
  services: Services;
  config: Config;
  log: Logger;
}

/** The insights context of a queue batch or cron run. */
export function insightsContext({ services, config, log }: Pick<ConsumerContext, "services" | "config" | "log">) {
  return { services, config, log } satisfies InsightsContext;
}

/** The insights context of a request. */
export function insightsContextOf(c: Context<AppEnv>): InsightsContext {
  return insightsContext({ services: c.get("services"), config: c.get("config"), log: c.get("log") });
}
