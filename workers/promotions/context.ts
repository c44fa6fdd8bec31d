import type { Context } from "hono";
import type { ConsumerContext } from "../../queues/consumer";
import type { AppEnv } from "../http/context";
import { type ClientInfo, clientOf } from "../identity";
import type { Logger } from "../lib/log";
import type { Services } from "../platform/services";

/** What promotions work with: the database (in `services`), a logger, and a request's client for audit entries. */
export interface PromotionsContext {
  services: Services;
  log: Logger;
  client?: ClientInfo;
}

export function promotionsContext(c: Context<AppEnv>): PromotionsContext {
  return { services: c.get("services"), log: c.get("log"), client: clientOf(c) };
}

export function promotionsConsumerContext({ services, log }: ConsumerContext): PromotionsContext {
  return { services, log };
}
