import type { Context } from "hono";
import type { ConsumerContext } from "../../queues/consumer";
import type { AppEnv } from "../http/context";
import type { Logger } from "../lib/log";
import type { Services } from "../platform/services";

/** What promotions work with: the database (in `services`) and a logger. */
export interface PromotionsContext {
  services: Services;
  log: Logger;
}

export function promotionsContext(c: Context<AppEnv>): PromotionsContext {
  return { services: c.get("services"), log: c.get("log") };
}

export function promotionsConsumerContext({ services, log }: ConsumerContext): PromotionsContext {
  return { services, log };
}
