import { z } from "@hono/zod-openapi";
import type { SQL } from "drizzle-orm";
import type { CommentSubject } from "../../../schema/community";
import { AppError } from "../../http/errors";
import { decodeCursor, encodeCursor } from "../../http/schemas";
import { idPattern, newId } from "../../lib/ids";
import { atomically, changes, type Statement } from "../../platform/db";
import { authorNameOf } from "../authors";
import type { CommunityContext } from "../context";
import { communityEvents } from "../events";
import { holdIfFlagged } from "../held";
import type { CommentBody, CommentNode, CommentPatch, CommentsQuery, CommentView } from "../schemas";
import { screen } from "../screening";
import { moveReviewComments, reviewAsSubject } from "../store/commented-reviews";
import * as store from "../store/comments";
import { moveThreadComments } from "../store/threads";
import { changedMeanwhile } from "./conflict";
import { replyNotices } from "./replies";
import { shownThread } from "./threads";
import { commentTree, commentView, threadView } from "./views";

/** Comments on threads and reviews: a tree three levels deep, written, edited and deleted by their authors. */

interface Subject {
  type: CommentSubject;
  id: string;
}

/** The deepest a comment may sit: 0 is top level, so a reply to a reply's reply is refused. */
const MAX_DEPTH = 2;

/** A thread or review readers may see and answer: published; anything else is not found. */
async function shownSubject(ctx: CommunityContext, subject: Subject): Promise<void> {
  if (subject.type === "thread") {
    await shownThread(ctx, subject.id);
    return;
  }
  const review = await reviewAsSubject(ctx.services.db, subject.id);
  if (review?.status !== "published") throw new AppError("not_found", "No such review.");
}

/**
 * Moves the subject's count of shown comments; a new one is also a thread's latest activity. Whatever shows or
 * withdraws a comment (its author, a moderator's decision) moves it in the same batch.
 */
export function moveShownComments(
  ctx: CommunityContext,
  subject: Subject,
  delta: 1 | -1,
  now: number,
  guard?: SQL,
): Statement {
  const { db } = ctx.services;
  return subject.type === "thread"
    ? moveThreadComments(db, subject.id, delta, now, guard)
    : moveReviewComments(db, subject.id, delta, guard);
}

/** The comment a reply answers: shown, not deleted, on the same subject, and not already at the deepest level. */
async function parentFor(ctx: CommunityContext, subject: Subject, parentId: string): Promise<store.CommentRow> {
  const parent = await store.commentById(ctx.services.db, parentId);
  if (
    !parent ||
    parent.subjectType !== subject.type ||
    parent.subjectId !== subject.id ||
    parent.status !== "published" ||
    parent.deletedAt !== null
  ) {
    throw new AppError("not_found", `No comment ${parentId} to reply to here.`);
  }
  if (parent.depth >= MAX_DEPTH) {
    throw new AppError("reply_too_deep", "Replies nest three levels deep: answer the comment this one replies to.", {
      parentId: parent.parentId,
    });
  }
  return parent;
}

/**
 * Writes a comment (or a reply, with `parentId`) on a shown thread or review. The filter may hold it as
 * `pending`; a published one counts on its subject at once and tells the readers concerned (`CommentReplied`),
 * all in the batch that writes it.
 */
export async function postComment(
  ctx: CommunityContext,
  authorId: string,
  subject: Subject,
  input: CommentBody,
  now = Date.now(),
): Promise<CommentView> {
  const { db, outbox } = ctx.services;
  await shownSubject(ctx, subject);
  const parent = input.parentId ? await parentFor(ctx, subject, input.parentId) : undefined;
  const screening = screen(input.body);
  const id = newId("cmt");
  const comment: store.CommentRow = {
    id,
    subjectType: subject.type,
    subjectId: subject.id,
    parentId: parent?.id ?? null,
    path: parent ? `${parent.path}/${id}` : id,
    depth: parent ? parent.depth + 1 : 0,
    authorId,
    authorName: await authorNameOf(ctx, authorId),
    body: input.body,
    status: screening.publish ? "published" : "pending",
    replyCount: 0,
    deletedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  const published = comment.status === "published";
  const held = await holdIfFlagged(ctx, { type: "comment", id, authorId }, screening, now);
  const posted = communityEvents.commentPosted({
    commentId: id,
    subjectType: subject.type,
    subjectId: subject.id,
    parentId: comment.parentId,
    authorId,
    status: comment.status,
  });
  await outbox.commit(
    [
      store.insertComment(db, comment),
      ...(parent ? [store.moveReplies(db, parent.id, 1)] : []),
      ...(published ? [moveShownComments(ctx, subject, 1, now)] : []),
      ...held.statements,
    ],
    [posted, ...held.events, ...(published ? await replyNotices(ctx, comment) : [])],
  );
  return commentView(comment);
}

const Cursor = z.object({ path: z.string().regex(idPattern("cmt")) });

/**
 * A page of a subject's comment tree: `limit` top-level comments after the cursor, each with every reply
 * under it, so a page never splits a conversation and the pages together list each comment once.
 */
async function commentPage(
  ctx: CommunityContext,
  subject: Subject,
  query: CommentsQuery,
): Promise<{ comments: CommentNode[]; nextCursor: string | null }> {
  const { db } = ctx.services;
  const after = decodeCursor(query.cursor, Cursor);
  const tops = await store.topLevelPaths(db, subject, after?.path, query.limit + 1);
  const first = tops[0];
  if (!first) return { comments: [], nextCursor: null };
  const shownTops = tops.slice(0, query.limit);
  const until = tops[query.limit]?.path;
  const rows = await store.commentsBetween(db, subject, { from: first.path, until });
  const last = shownTops.at(-1);
  return {
    comments: commentTree(rows),
    nextCursor: until && last ? encodeCursor({ path: last.path }) : null,
  };
}

/** A shown thread with a page of its comment tree. */
export async function threadDetail(ctx: CommunityContext, id: string, query: CommentsQuery) {
  const thread = await shownThread(ctx, id);
  return { thread: threadView(thread), ...(await commentPage(ctx, { type: "thread", id }, query)) };
}

/** A shown review's comment tree, a page of it. */
export async function reviewComments(ctx: CommunityContext, reviewId: string, query: CommentsQuery) {
  const subject = { type: "review", id: reviewId } as const;
  await shownSubject(ctx, subject);
  return { reviewId, ...(await commentPage(ctx, subject, query)) };
}

/** One of the author's own comments, not deleted or removed; another reader's is not found. */
async function ownComment(ctx: CommunityContext, authorId: string, id: string): Promise<store.CommentRow> {
  const comment = await store.commentById(ctx.services.db, id);
  if (!comment || comment.authorId !== authorId || comment.deletedAt !== null || comment.status === "removed") {
    throw new AppError("not_found", "No such comment.");
  }
  return comment;
}

/**
 * The author's edit. It passes the filter again: a published comment it flags goes back to `pending` (and
 * stops counting on its subject); a held or hidden one stays so until a moderator decides.
 */
export async function editComment(
  ctx: CommunityContext,
  authorId: string,
  id: string,
  patch: CommentPatch,
  now = Date.now(),
): Promise<CommentView> {
  const { db, outbox } = ctx.services;
  const comment = await ownComment(ctx, authorId, id);
  const screening = screen(patch.body);
  const withdrawn = comment.status === "published" && !screening.publish;
  const status = withdrawn ? "pending" : comment.status;
  const held = withdrawn
    ? await holdIfFlagged(ctx, { type: "comment", id, authorId }, screening, now)
    : { statements: [], events: [] };
  const subject = { type: comment.subjectType, id: comment.subjectId };
  const uncount = withdrawn ? [moveShownComments(ctx, subject, -1, now, store.stillAsRead(id, "published"))] : [];
  const results = await outbox.commit(
    [...uncount, store.editComment(db, comment, { body: patch.body, status }, now), ...held.statements],
    held.events,
  );
  if (changes(results[uncount.length]) === 0) throw changedMeanwhile("comment");
  return commentView({ ...comment, body: patch.body, status, updatedAt: now });
}

/**
 * The author's deletion: the text goes from the row at once; the comment shows as deleted while a reply under
 * it is shown, and disappears otherwise. A shown one stops counting on its subject, a reply on its parent.
 */
export async function deleteComment(ctx: CommunityContext, authorId: string, id: string, now = Date.now()) {
  const { db } = ctx.services;
  const comment = await ownComment(ctx, authorId, id);
  const subject = { type: comment.subjectType, id: comment.subjectId };
  const uncount =
    comment.status === "published"
      ? [moveShownComments(ctx, subject, -1, now, store.stillAsRead(id, "published"))]
      : [];
  const parentMove = (delta: 1 | -1) => (comment.parentId ? [store.moveReplies(db, comment.parentId, delta)] : []);
  const results = await atomically(db, [...uncount, store.markCommentDeleted(db, comment, now), ...parentMove(-1)]);
  // The parent's count cannot be guarded on its own table in MySQL: when a concurrent deletion of the same
  // comment got there first, this one marked nothing and gives the parent its reply back.
  if (changes(results[uncount.length]) === 0 && comment.parentId) await atomically(db, parentMove(1));
}
