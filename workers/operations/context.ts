import type { Context } from "hono";
import { type QueueSenders, queueSenders } from "../../queues/outbox";
import type { AppEnv } from "../http/context";
import type { Logger } from "../lib/log";
import type { Services } from "../platform/services";

/** What operators' tools work with: the database, the queues a dead letter goes back to, the log. */
export interface OperationsContext {
  services: Services;
  queues: QueueSenders;
  log: Logger;
}

/** The operations context of a request (nothing consumes events or runs on a cron here). */
export function operationsContextOf(c: Context<AppEnv>): OperationsContext {
  return { services: c.get("services"), queues: queueSenders(c.env), log: c.get("log") };
}
