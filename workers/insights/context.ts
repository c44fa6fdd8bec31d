import type { Context } from "hono";
import type { ConsumerContext } from "../../queues/consumer";
import type { AppEnv } from "../http/context";
import type { Logger } from "../lib/log";
import type { Services } from "../platform/services";

/** What insights works with: the database of the request, batch or cron run, and the log. */
export interface InsightsContext {
  services: Services;
  log: Logger;
}

/** The insights context of a queue batch or a cron run. */
export function insightsContext({ services, log }: Pick<ConsumerContext, "services" | "log">): InsightsContext {
  return { services, log };
}

/** The insights context of a request. */
export function insightsContextOf(c: Context<AppEnv>): InsightsContext {
  return insightsContext({ services: c.get("services"), log: c.get("log") });
}
