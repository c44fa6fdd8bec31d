import type { ConsumerContext } from "../../queues/consumer";
import type { Db } from "../platform/db";
import type { PrintPartner } from "./partner";

/** What printing works with. It has no routes: its only caller is the cover-print consumer. */
export interface PrintingContext {
  db: Db;
  partner: PrintPartner;
}

export function printingConsumerContext({ services }: ConsumerContext): PrintingContext {
  return { db: services.db, partner: services.printing };
}
