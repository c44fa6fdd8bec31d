import type { Context } from "hono";
import type { ConsumerContext } from "../../queues/consumer";
import type { Config } from "../config";
import type { AppEnv } from "../http/context";
import type { Logger } from "../lib/log";
import type { Services } from "../platform/services";

/** What notifications work with: the mailer and the database (in `services`), configuration and a logger. */
export interface NotificationsContext {
  services: Services;
  config: Config;
  log: Logger;
}

export function notificationsContext(c: Context<AppEnv>): NotificationsContext {
  return { services: c.get("services"), config: c.get("config"), log: c.get("log") };
}

export function notificationsConsumerContext({ services, config, log }: ConsumerContext): NotificationsContext {
  return { services, config, log };
}

/** Abandoned-cart reminders also look into buyers' carts (the cart module's objects). */
export interface CartRemindersContext extends NotificationsContext {
  carts: Env["CART"];
}

/** For the CartUpdated consumer and the minute cron (whose context has the same parts). */
export function cartRemindersContext(context: ConsumerContext): CartRemindersContext {
  return { ...notificationsConsumerContext(context), carts: context.env.CART };
}
