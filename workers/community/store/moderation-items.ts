import { type ModerationTarget, moderationItems } from "../../../schema/community";
import { type Db, type Statement, upserting } from "../../platform/db";

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
