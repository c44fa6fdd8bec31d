import type { ModerationTarget } from "../../../schema/community";
import { AppError } from "../../http/errors";
import { newId } from "../../lib/ids";
import type { CommunityContext } from "../context";
import { communityEvents } from "../events";
import { enforcePostingLimit } from "../limits";
import { findContent, type ModeratedContent } from "../store/moderation";
import { moderationItemOf, openModerationItem } from "../store/moderation-items";
import { insertReport, type ReportRow, reportBy, reportersSince } from "../store/reports";
import { moveByModeration } from "./content-moves";

/**
 * Readers' reports. Each reader reports a piece of content once; when `MODERATION_HIDE_AFTER_REPORTS` distinct
 * readers have reported it, it leaves public view (`hidden`) and waits in the moderation queue. Reports filed
 * before a moderator approved it do not count again: hiding it anew takes as many new reporters.
 */

export interface ReportInput {
  targetType: ModerationTarget;
  targetId: string;
  reason: string;
}

export interface ReportView {
  id: string;
  targetType: ModerationTarget;
  targetId: string;
  reason: string;
  createdAt: string;
}

type Target = { type: ModerationTarget; id: string };

/** Whether readers can see it: published and not deleted by its author. */
const isShown = (content: ModeratedContent | undefined): content is ModeratedContent =>
  content?.status === "published" && !content.deleted;

const notFound = () => new AppError("not_found", "No such published review, seller review, comment or thread.");

/** The target's moderation item, if any, and its reporters since its last approval by a moderator. */
async function reportTally(ctx: CommunityContext, target: Target) {
  const item = await moderationItemOf(ctx.services.db, target);
  const since = item?.status === "approved" ? (item.decidedAt ?? 0) : 0;
  return { item, reporters: await reportersSince(ctx.services.db, target, since) };
}

/** `POST /v1/reports`: records the report, then hides the target if it has been reported enough. */
export async function reportContent(
  ctx: CommunityContext,
  reporterId: string,
  input: ReportInput,
  now = Date.now(),
): Promise<ReportView> {
  const { db, outbox } = ctx.services;
  const target = { type: input.targetType, id: input.targetId };
  const content = await findContent(db, target.type, target.id);
  if (!isShown(content)) throw notFound();
  if (content.authorId === reporterId) throw new AppError("own_content", "You cannot report your own post.");
  if (await reportBy(db, target, reporterId)) throw alreadyReported();
  await enforcePostingLimit(ctx, "report", reporterId);

  const report: ReportRow = {
    id: newId("rpt"),
    targetType: target.type,
    targetId: target.id,
    reporterId,
    reason: input.reason,
    createdAt: now,
  };
  const { reporters } = await reportTally(ctx, target);
  const reported = communityEvents.contentReported({
    reportId: report.id,
    targetType: target.type,
    targetId: target.id,
    reporterId,
    reportCount: reporters + 1,
  });
  try {
    await outbox.commit([insertReport(db, report)], [reported]);
  } catch (error) {
    // The same reader's report sent twice at once: the unique index let one in.
    if (await reportBy(db, target, reporterId)) throw alreadyReported();
    throw error;
  }
  await hideIfReportedEnough(ctx, target, now);
  return { ...input, id: report.id, createdAt: new Date(now).toISOString() };
}

const alreadyReported = () => new AppError("already_reported", "You already reported this post.");

const HIDE_ATTEMPTS = 3;

/**
 * Hides published content that enough distinct readers reported, opening its moderation item (cause `reports`)
 * with `ContentHidden`. The status change aborts its batch when the content is no longer as read, so when the
 * last reports arrive together exactly one of them hides it, moves the stars and emits the events.
 */
async function hideIfReportedEnough(ctx: CommunityContext, target: Target, now: number): Promise<void> {
  const { db, outbox } = ctx.services;
  for (let attempt = 1; ; attempt++) {
    const content = await findContent(db, target.type, target.id);
    if (!isShown(content)) return;
    const { item, reporters } = await reportTally(ctx, target);
    if (reporters < ctx.config.MODERATION_HIDE_AFTER_REPORTS) return;

    const opened = {
      id: item?.id ?? newId("mod"),
      targetType: target.type,
      targetId: target.id,
      authorId: content.authorId,
      cause: "reports" as const,
      flags: [],
      reportCount: reporters,
    };
    const moved = moveByModeration(ctx, content, "hidden", "hidden");
    try {
      await outbox.commit(
        [...moved.statements, openModerationItem(db, opened, now)],
        [communityEvents.contentHidden(opened), ...moved.events],
      );
      return;
    } catch (error) {
      // Another report hid it first (or a decision or an edit changed it): read it again.
      const again = await findContent(db, target.type, target.id);
      if (again?.status !== "published") return;
      if (attempt >= HIDE_ATTEMPTS) throw error;
    }
  }
}
