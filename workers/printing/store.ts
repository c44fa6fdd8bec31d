import type { BatchItem } from "drizzle-orm/batch";
import { printJobs } from "../../schema/printing";
import type { Db } from "../platform/db";

/** Records a submitted job once per order line: a redelivered request finds the line's row and adds nothing. */
export function recordPrintJob(db: Db, job: typeof printJobs.$inferInsert): BatchItem<"sqlite"> {
  return db.insert(printJobs).values(job).onConflictDoNothing();
}
