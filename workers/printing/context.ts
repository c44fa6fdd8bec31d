import type { Context } from "hono";
import type { ConsumerContext } from "../../queues/consumer";
import type { AppEnv } from "../http/context";
import type { Db } from "../platform/db";
import type { PrintPartner } from "./partner";

/** What printing works with: its consumers send covers to the partner, its routes show sellers their jobs. */
export interface PrintingContext {
  db: Db;
  partner: PrintPartner;
}

export function printingConsumerContext({ services }: ConsumerContext): PrintingContext {
  return { db: services.db, partner: services.printing };
}

/** The printing context of a request. */
export function printingContextOf(c: Context<AppEnv>): PrintingContext {
  const services = c.get("services");
  return { db: services.db, partner: services.printing };
}
