import type { Context } from "hono";
import type { ConsumerContext } from "../../queues/consumer";
import type { AppEnv } from "../http/context";
import type { Services } from "../platform/services";

/**
 * What the live channel works with: the services (the `live` adapter its consumers publish through, the database
 * their lookups read), the LiveDO namespace that tickets and upgrades go to, and how long a ticket lives.
 */
export interface LiveContext {
  services: Services;
  objects: Env["LIVE"];
  ticketSeconds: number;
}

/** The live context of a request. */
export function liveContext(c: Context<AppEnv>): LiveContext {
  return { services: c.get("services"), objects: c.env.LIVE, ticketSeconds: c.get("config").LIVE_TICKET_SECONDS };
}

/** The live context of a queue batch. */
export function liveConsumerContext({ env, services, config }: ConsumerContext): LiveContext {
  return { services, objects: env.LIVE, ticketSeconds: config.LIVE_TICKET_SECONDS };
}
