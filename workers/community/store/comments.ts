import { and, asc, eq, gt, gte, isNull, lt, type SQL, sql } from "drizzle-orm";
import { type CommentSubject, comments } from "../../../schema/community";
import type { Db, Statement } from "../../platform/db";

export type CommentRow = typeof comments.$inferSelect;

export function insertComment(db: Db, comment: typeof comments.$inferInsert): Statement {
  return db.insert(comments).values(comment);
}

export async function commentById(db: Db, id: string): Promise<CommentRow | undefined> {
  const [comment] = await db.select().from(comments).where(eq(comments.id, id)).limit(1);
  return comment;
}

/** A reply was written under `parentId` (+1) or a reply under it was deleted by its author (-1). */
export function moveReplies(db: Db, parentId: string, delta: 1 | -1): Statement {
  return db
    .update(comments)
    .set({ replyCount: sql`${comments.replyCount} + ${delta}` })
    .where(eq(comments.id, parentId));
}

const ofSubject = (subject: { type: CommentSubject; id: string }) =>
  and(eq(comments.subjectType, subject.type), eq(comments.subjectId, subject.id));

/** The paths of a subject's top-level comments after `afterPath`, oldest first (a top-level path is its id). */
export function topLevelPaths(
  db: Db,
  subject: { type: CommentSubject; id: string },
  afterPath: string | undefined,
  limit: number,
) {
  return db
    .select({ path: comments.path })
    .from(comments)
    .where(and(ofSubject(subject), eq(comments.depth, 0), afterPath ? gt(comments.path, afterPath) : undefined))
    .orderBy(asc(comments.path))
    .limit(limit);
}

/**
 * The comments from one top-level comment's path up to (not including) another's, depth first: ordering by
 * path lists each comment before its replies, and a top-level comment's replies before the next one.
 */
export function commentsBetween(
  db: Db,
  subject: { type: CommentSubject; id: string },
  range: { from: string; until?: string },
) {
  return db
    .select()
    .from(comments)
    .where(
      and(ofSubject(subject), gte(comments.path, range.from), range.until ? lt(comments.path, range.until) : undefined),
    )
    .orderBy(asc(comments.path));
}

/**
 * The author's edit of a live comment; `status` set when the filter sends a published one back to pending.
 * Only from the status read: a moderator's hide in between wins, and the edit changes nothing.
 */
export function editComment(
  db: Db,
  comment: { id: string; authorId: string; status: CommentRow["status"] },
  patch: { body: string; status: CommentRow["status"] },
  now: number,
): Statement {
  return db
    .update(comments)
    .set({ ...patch, updatedAt: now })
    .where(
      and(
        eq(comments.id, comment.id),
        eq(comments.authorId, comment.authorId),
        eq(comments.status, comment.status),
        isNull(comments.deletedAt),
      ),
    );
}

/**
 * The author's deletion: the row stays (replies hang on it, and one being written cannot lose its parent) with
 * its text gone; readers see it as deleted while a reply under it is shown, and not at all otherwise.
 */
export function markCommentDeleted(db: Db, comment: { id: string; authorId: string }, now: number): Statement {
  return db
    .update(comments)
    .set({ body: "", deletedAt: now, updatedAt: now })
    .where(and(eq(comments.id, comment.id), eq(comments.authorId, comment.authorId), isNull(comments.deletedAt)));
}

/**
 * Holds while the comment is as it was read: not deleted, and (with `status`) in that status. A count moved
 * for a change of the comment is guarded by it, placed before the change, so a concurrent request making the
 * same change moves nothing a second time.
 */
export function stillAsRead(id: string, status?: CommentRow["status"]): SQL {
  return sql`EXISTS (SELECT 1 FROM ${comments} WHERE ${comments.id} = ${id} AND ${comments.deletedAt} IS NULL${status ? sql` AND ${comments.status} = ${status}` : sql``})`;
}

/** Who wrote a comment: the reader a reply to it answers. */
export async function commentAuthor(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ authorId: comments.authorId }).from(comments).where(eq(comments.id, id)).limit(1);
  return row?.authorId;
}
