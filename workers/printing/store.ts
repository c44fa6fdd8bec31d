import { and, count, desc, eq } from "drizzle-orm";
import { type PRINT_JOB_STATUSES, printJobs } from "../../schema/printing";
import { olderThan } from "../lib/keyset";
import { type Db, ignoringDuplicates, type Statement } from "../platform/db";

export type PrintJobRow = typeof printJobs.$inferSelect;
export type PrintJobStatus = (typeof PRINT_JOB_STATUSES)[number];

/** Records a submitted job once per order line: a redelivered request finds the line's row and adds nothing. */
export function recordPrintJob(db: Db, job: typeof printJobs.$inferInsert): Statement {
  return ignoringDuplicates(db, db.insert(printJobs).values(job), printJobs.id);
}

/** A seller's jobs, newest first, optionally in one status, after the cursor's (submittedAt, id). */
export function printJobsOfSeller(
  db: Db,
  sellerId: string,
  filter: { status?: PrintJobStatus; limit: number; after?: { submittedAt: number; id: string } },
) {
  const { after } = filter;
  return db
    .select()
    .from(printJobs)
    .where(
      and(
        eq(printJobs.sellerId, sellerId),
        filter.status ? eq(printJobs.status, filter.status) : undefined,
        after ? olderThan(printJobs.submittedAt, printJobs.id, { time: after.submittedAt, id: after.id }) : undefined,
      ),
    )
    .orderBy(desc(printJobs.submittedAt), desc(printJobs.id))
    .limit(filter.limit);
}

export async function printJobById(db: Db, id: string) {
  const [job] = await db.select().from(printJobs).where(eq(printJobs.id, id)).limit(1);
  return job;
}

export async function waitingJobCount(db: Db, sellerId: string): Promise<number> {
  const [row] = await db
    .select({ waiting: count() })
    .from(printJobs)
    .where(and(eq(printJobs.sellerId, sellerId), eq(printJobs.status, "waiting")));
  return row?.waiting ?? 0;
}

/** The waiting jobs of a seller order take `to`; jobs already shipped or cancelled stay as they are. */
export function settleWaitingJobs(db: Db, sellerOrderId: string, to: Exclude<PrintJobStatus, "waiting">, at: number) {
  return db
    .update(printJobs)
    .set({ status: to, updatedAt: at })
    .where(and(eq(printJobs.sellerOrderId, sellerOrderId), eq(printJobs.status, "waiting")));
}
