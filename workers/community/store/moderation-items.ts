import { and, asc, eq, gt, or, sql } from "drizzle-orm";
import { type ModerationStatus, type ModerationTarget, moderationItems } from "../../../schema/community";
import { type Db, type Statement, upserting } from "../../platform/db";

export type ModerationItemRow = typeof moderationItems.$inferSelect;

/**
 * Opens (or reopens) the moderation item of a piece of content: `pending` when the filter held it, `hidden`
 * when enough readers reported it. One item per target: content approved once and held or reported again
 * goes back into the queue, its earlier decision cleared.
 */
export function openModerationItem(
  db: Db,
  item: {
    id: string;
    targetType: ModerationTarget;
    targetId: string;
    authorId: string;
    cause: "filter" | "reports";
    flags: string[];
    reportCount?: number;
  },
  now: number,
): Statement {
  const status = item.cause === "filter" ? "pending" : "hidden";
  const row = { ...item, status, reportCount: item.reportCount ?? 0, createdAt: now, updatedAt: now } as const;
  return upserting(db, db.insert(moderationItems).values(row), [moderationItems.targetType, moderationItems.targetId], {
    status,
    cause: item.cause,
    flags: item.flags,
    reportCount: row.reportCount,
    decidedBy: null,
    decisionNote: null,
    decidedAt: null,
    updatedAt: now,
  });
}

export async function findModerationItem(db: Db, id: string): Promise<ModerationItemRow | undefined> {
  const [found] = await db.select().from(moderationItems).where(eq(moderationItems.id, id)).limit(1);
  return found;
}

export async function moderationItemOf(
  db: Db,
  target: { type: ModerationTarget; id: string },
): Promise<ModerationItemRow | undefined> {
  const [found] = await db
    .select()
    .from(moderationItems)
    .where(and(eq(moderationItems.targetType, target.type), eq(moderationItems.targetId, target.id)))
    .limit(1);
  return found;
}

/** One page of the queue in one status, oldest first (the longest waiting first), after the cursor's item. */
export function moderationQueue(
  db: Db,
  status: "pending" | "hidden",
  after: { time: number; id: string } | undefined,
  limit: number,
): Promise<ModerationItemRow[]> {
  const inStatus = eq(moderationItems.status, status);
  const later = after
    ? or(
        gt(moderationItems.createdAt, after.time),
        and(eq(moderationItems.createdAt, after.time), gt(moderationItems.id, after.id)),
      )
    : undefined;
  return db
    .select()
    .from(moderationItems)
    .where(later ? and(inStatus, later) : inStatus)
    .orderBy(asc(moderationItems.createdAt), asc(moderationItems.id))
    .limit(limit);
}

/**
 * Records a moderator's decision on an open item, or aborts its batch (NULL into the NOT NULL status) when the
 * item is no longer in the status read: two moderators deciding at once, only the first decision commits.
 */
export function closeModerationItem(
  db: Db,
  item: Pick<ModerationItemRow, "id" | "status">,
  decision: { status: Extract<ModerationStatus, "approved" | "removed">; decidedBy: string; note: string },
  now: number,
): Statement {
  return db
    .update(moderationItems)
    .set({
      status:
        sql`CASE WHEN ${moderationItems.status} = ${item.status} THEN ${decision.status} ELSE NULL END` as unknown as ModerationStatus,
      decidedBy: decision.decidedBy,
      decisionNote: decision.note,
      decidedAt: now,
      updatedAt: now,
    })
    .where(eq(moderationItems.id, item.id));
}
