import type { Context } from "hono";
import { type QueueSenders, queueSenders } from "../../queues/outbox";
import type { AppEnv } from "../http/context";
import { type ClientInfo, clientOf } from "../identity";
import type { Logger } from "../lib/log";
import type { Services } from "../platform/services";

/** What operators' tools work with: the database, the queues a dead letter goes back to, the log, the caller's client. */
export interface OperationsContext {
  services: Services;
  queues: QueueSenders;
  log: Logger;
  /** The request's client, stamped on the audit entry of a replay. */
  client: ClientInfo;
}

/** The operations context of a request (nothing consumes events or runs on a cron here). */
export function operationsContextOf(c: Context<AppEnv>): OperationsContext {
  return { services: c.get("services"), queues: queueSenders(c.env), log: c.get("log"), client: clientOf(c) };
}
