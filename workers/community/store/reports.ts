import { and, count, desc, eq, gt, inArray } from "drizzle-orm";
import { contentReports, type ModerationTarget } from "../../../schema/community";
import { readChunked } from "../../lib/chunked";
import type { Db, Statement } from "../../platform/db";

export type ReportRow = typeof contentReports.$inferSelect;

/** A reader's report; the unique (target, reporter) index refuses the same reader's second one. */
export function insertReport(db: Db, report: ReportRow): Statement {
  return db.insert(contentReports).values(report);
}

const ofTarget = (type: ModerationTarget, id: string) =>
  and(eq(contentReports.targetType, type), eq(contentReports.targetId, id));

export async function reportBy(
  db: Db,
  target: { type: ModerationTarget; id: string },
  reporterId: string,
): Promise<ReportRow | undefined> {
  const [found] = await db
    .select()
    .from(contentReports)
    .where(and(ofTarget(target.type, target.id), eq(contentReports.reporterId, reporterId)))
    .limit(1);
  return found;
}

/** How many readers reported the target after `since` (each reader reports a target once). */
export async function reportersSince(
  db: Db,
  target: { type: ModerationTarget; id: string },
  since: number,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(contentReports)
    .where(and(ofTarget(target.type, target.id), gt(contentReports.createdAt, since)));
  return Number(row?.n ?? 0);
}

/** The reports of the given targets (of one type), newest first. */
export function reportsOf(db: Db, type: ModerationTarget, ids: string[]): Promise<ReportRow[]> {
  return readChunked(ids, (part) =>
    db
      .select()
      .from(contentReports)
      .where(and(eq(contentReports.targetType, type), inArray(contentReports.targetId, part)))
      .orderBy(desc(contentReports.createdAt)),
  );
}
