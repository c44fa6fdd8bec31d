import { printJobs } from "../../schema/printing";
import { type Db, ignoringDuplicates, type Statement } from "../platform/db";

/** Records a submitted job once per order line: a redelivered request finds the line's row and adds nothing. */
export function recordPrintJob(db: Db, job: typeof printJobs.$inferInsert): Statement {
  return ignoringDuplicates(db, db.insert(printJobs).values(job), printJobs.id);
}
