import type { Principal } from "../../http/context";
import { AppError } from "../../http/errors";
import { auditEntry, auditTarget } from "../../identity";
import type { CommunityContext } from "../context";
import { communityEvents } from "../events";
import type { ModerationItemSchema } from "../schemas";
import { contentKey, contentsOf, findContent, type ModeratedContent } from "../store/moderation";
import {
  closeModerationItem,
  findModerationItem,
  type ModerationItemRow,
  moderationQueue,
} from "../store/moderation-items";
import { reportsOf } from "../store/reports";
import { moveByModeration } from "./content-moves";
import { replyNotices } from "./replies";

/**
 * The moderation queue and the moderators' decisions. Approving puts the content back in public view (a
 * review's stars count again); removing takes it out for good. Each decision is told to the author
 * (`ModerationDecided`, mailed by notifications) and written to the audit log in the same batch.
 */

/** The reasons shown with an item: the newest reports' (the count says how many there are in all). */
const REASONS_SHOWN = 20;

const iso = (ms: number) => new Date(ms).toISOString();

function viewOf(item: ModerationItemRow, content: ModeratedContent | undefined, reasons: string[], reports: number) {
  const decided = item.status === "approved" || item.status === "removed";
  return {
    id: item.id,
    status: item.status,
    cause: item.cause,
    flags: item.flags,
    reportCount: reports,
    reasons: reasons.slice(0, REASONS_SHOWN),
    target: content
      ? {
          type: content.type,
          id: content.id,
          status: content.status,
          title: content.title,
          body: content.body,
          deleted: content.deleted,
          author: { id: content.authorId, name: content.authorName },
        }
      : null,
    decision:
      decided && item.decidedBy && item.decidedAt !== null
        ? {
            action: item.status === "approved" ? ("approve" as const) : ("remove" as const),
            note: item.decisionNote ?? "",
            decidedBy: item.decidedBy,
            decidedAt: iso(item.decidedAt),
          }
        : null,
    createdAt: iso(item.createdAt),
    updatedAt: iso(item.updatedAt),
  } satisfies ModerationItemSchema;
}

/** Items with the content they point at (as it is now) and the reasons readers gave. */
async function viewsOf(ctx: CommunityContext, items: ModerationItemRow[]): Promise<ModerationItemSchema[]> {
  const { db } = ctx.services;
  const targets = items.map((item) => ({ type: item.targetType, id: item.targetId }));
  const types = [...new Set(targets.map((target) => target.type))];
  const [contents, ...reportsByType] = await Promise.all([
    contentsOf(db, targets),
    ...types.map((type) =>
      reportsOf(
        db,
        type,
        targets.filter((target) => target.type === type).map((target) => target.id),
      ),
    ),
  ]);
  const reasons = new Map<string, string[]>();
  for (const report of reportsByType.flat()) {
    const key = contentKey(report.targetType, report.targetId);
    reasons.set(key, [...(reasons.get(key) ?? []), report.reason]);
  }
  return items.map((item) => {
    const key = contentKey(item.targetType, item.targetId);
    const given = reasons.get(key) ?? [];
    return viewOf(item, contents.get(key), given, given.length);
  });
}

/** `GET /v1/admin/moderation`: one page of the queue in one status, the longest waiting first. */
export async function moderationQueuePage(
  ctx: CommunityContext,
  query: { status: "pending" | "hidden"; limit: number; after?: { time: number; id: string } },
): Promise<{ items: ModerationItemSchema[]; next?: { time: number; id: string } }> {
  const rows = await moderationQueue(ctx.services.db, query.status, query.after, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await viewsOf(ctx, page),
    next: rows.length > query.limit && last ? { time: last.createdAt, id: last.id } : undefined,
  };
}

export interface Decision {
  action: "approve" | "remove";
  note: string;
}

const DECIDE_ATTEMPTS = 3;

/**
 * A comment the filter held told nobody when it was posted: approving it sends the reply notices its posting
 * would have. A reported comment was published before, and its readers were told then.
 */
async function noticesOfHeldComment(ctx: CommunityContext, content: ModeratedContent | undefined) {
  if (content?.type !== "comment" || !content.comment || content.status !== "pending" || content.deleted) return [];
  return replyNotices(ctx, {
    ...content.comment,
    id: content.id,
    authorId: content.authorId,
    authorName: content.authorName,
    body: content.body,
  });
}
const alreadyDecided = () => new AppError("already_decided", "A moderator already decided on this item.");
const isOpen = (item: ModerationItemRow) => item.status === "pending" || item.status === "hidden";

/**
 * `POST /v1/admin/moderation/{id}/decision`: approve (the content is published again) or remove it. The item,
 * the content, a review's stars, the events and the audit entry commit together; a second decision on the
 * same item is refused (409 `already_decided`), even when two moderators decide at once.
 */
export async function decide(
  ctx: CommunityContext,
  moderator: Principal,
  itemId: string,
  decision: Decision,
  now = Date.now(),
): Promise<ModerationItemSchema> {
  const { db, outbox } = ctx.services;
  for (let attempt = 1; ; attempt++) {
    const item = await findModerationItem(db, itemId);
    if (!item) throw new AppError("not_found", "No such moderation item.");
    if (!isOpen(item)) throw alreadyDecided();
    const content = await findContent(db, item.targetType, item.targetId);
    const approve = decision.action === "approve";
    const moved = content
      ? moveByModeration(ctx, content, approve ? "published" : "removed", approve ? "restored" : "removed")
      : { statements: [], events: [] };
    const decided = communityEvents.moderationDecided({
      moderationId: item.id,
      targetType: item.targetType,
      targetId: item.targetId,
      authorId: item.authorId,
      action: decision.action,
      note: decision.note,
      decidedBy: moderator.userId,
    });
    const notices = approve ? await noticesOfHeldComment(ctx, content) : [];
    const audit = auditEntry(
      ctx,
      "moderation_decided",
      {
        userId: item.authorId,
        actorId: moderator.userId,
        sessionId: moderator.sessionId,
        detail: {
          moderationId: item.id,
          targetType: item.targetType,
          targetId: item.targetId,
          action: decision.action,
          note: decision.note,
        },
        target: auditTarget("moderation", item.id),
        before: { status: item.status, contentStatus: content?.status ?? null },
        after: {
          status: approve ? "approved" : "removed",
          contentStatus: content ? (approve ? "published" : "removed") : null,
        },
      },
      now,
    );
    const closing = {
      status: approve ? ("approved" as const) : ("removed" as const),
      decidedBy: moderator.userId,
      note: decision.note,
    };
    try {
      await outbox.commit(
        [closeModerationItem(db, item, closing, now), ...moved.statements, audit],
        [decided, ...moved.events, ...notices],
      );
      const [view] = await viewsOf(ctx, [(await findModerationItem(db, itemId)) ?? item]);
      return view!;
    } catch (error) {
      // Another moderator decided first, or the content changed since it was read (a report, an edit).
      const again = await findModerationItem(db, itemId);
      if (again && !isOpen(again)) throw alreadyDecided();
      if (attempt >= DECIDE_ATTEMPTS) throw error;
    }
  }
}
