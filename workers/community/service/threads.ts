import { z } from "@hono/zod-openapi";
import { workOfEdition } from "../../catalog";
import { AppError } from "../../http/errors";
import { decodeCursor, encodeCursor } from "../../http/schemas";
import { newId } from "../../lib/ids";
import { atomically, changes } from "../../platform/db";
import { authorNameOf } from "../authors";
import type { CommunityContext } from "../context";
import { holdIfFlagged } from "../held";
import type { ThreadBody, ThreadPatch, ThreadsQuery, ThreadView } from "../schemas";
import { screen } from "../screening";
import { dropFollowersOfGone, follow, unfollow } from "../store/follows";
import * as store from "../store/threads";
import { changedMeanwhile } from "./conflict";
import { threadView } from "./views";

/** Threads: a discussion about a work, opened from one of its editions, edited and deleted by its author. */

async function bookOf(ctx: CommunityContext, isbn: string) {
  const work = await workOfEdition({ db: ctx.services.db }, isbn);
  if (!work) throw new AppError("not_found", "No book with this ISBN.");
  return work;
}

const noSuchThread = () => new AppError("not_found", "No such thread.");

/** A thread readers may see and answer: published. A held, hidden or removed one is not found. */
export async function shownThread(ctx: CommunityContext, id: string): Promise<store.ThreadRow> {
  const thread = await store.threadById(ctx.services.db, id);
  if (thread?.status !== "published") throw noSuchThread();
  return thread;
}

/** One of the author's own threads, still there to edit or delete; another reader's is not found. */
async function ownThread(ctx: CommunityContext, authorId: string, id: string): Promise<store.ThreadRow> {
  const thread = await store.threadById(ctx.services.db, id);
  if (!thread || thread.authorId !== authorId || thread.deletedAt !== null || thread.status === "removed") {
    throw noSuchThread();
  }
  return thread;
}

/**
 * Opens a thread on the book's work. The filter may hold it as `pending` for a moderator; either way its
 * author follows it from the start.
 */
export async function startThread(
  ctx: CommunityContext,
  authorId: string,
  isbn: string,
  input: ThreadBody,
  now = Date.now(),
): Promise<ThreadView> {
  const { db, outbox } = ctx.services;
  const work = await bookOf(ctx, isbn);
  const screening = screen(input.title, input.body);
  const thread: store.ThreadRow = {
    id: newId("thr"),
    workId: work.workId,
    editionId: work.editionId,
    isbn13: work.isbn13,
    authorId,
    authorName: await authorNameOf(ctx, authorId),
    title: input.title,
    body: input.body,
    status: screening.publish ? "published" : "pending",
    commentCount: 0,
    deletedAt: null,
    lastActivityAt: now,
    createdAt: now,
    updatedAt: now,
  };
  const held = await holdIfFlagged(ctx, { type: "thread", id: thread.id, authorId }, screening, now);
  await outbox.commit(
    [store.insertThread(db, thread), follow(db, thread.id, authorId, now), ...held.statements],
    held.events,
  );
  return threadView(thread);
}

const Cursor = z.object({ lastActivityAt: z.number().int(), id: z.string() });

/** The published threads of every edition of the book's work, most recently active first. */
export async function bookThreads(
  ctx: CommunityContext,
  isbn: string,
  query: ThreadsQuery,
): Promise<{ items: ThreadView[]; nextCursor: string | null }> {
  const work = await bookOf(ctx, isbn);
  const after = decodeCursor(query.cursor, Cursor);
  const rows = await store.publishedThreadsOfWork(ctx.services.db, work.workId, { limit: query.limit + 1, after });
  const shown = rows.slice(0, query.limit);
  const last = shown.at(-1);
  return {
    items: shown.map(threadView),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ lastActivityAt: last.lastActivityAt, id: last.id }) : null,
  };
}

/**
 * The author's edit. It passes the filter again: a published thread it flags goes back to `pending` for a
 * moderator; a held or hidden one stays so until a moderator decides.
 */
export async function editThread(
  ctx: CommunityContext,
  authorId: string,
  id: string,
  patch: ThreadPatch,
  now = Date.now(),
): Promise<ThreadView> {
  const { db, outbox } = ctx.services;
  const thread = await ownThread(ctx, authorId, id);
  const title = patch.title ?? thread.title;
  const body = patch.body ?? thread.body;
  const screening = screen(title, body);
  const held =
    thread.status === "published"
      ? await holdIfFlagged(ctx, { type: "thread", id, authorId }, screening, now)
      : { statements: [], events: [] };
  const status = thread.status === "published" && !screening.publish ? "pending" : thread.status;
  const [edited] = await outbox.commit(
    [store.editThread(db, thread, { title, body, status }, now), ...held.statements],
    held.events,
  );
  if (changes(edited) === 0) throw changedMeanwhile("thread");
  return threadView({ ...thread, title, body, status, updatedAt: now });
}

/**
 * The author's deletion: title and body go at once. A thread with comments stays, shown as deleted, so the
 * conversation under it is kept; one without goes entirely, with its followers. Its author stops following it.
 */
export async function deleteThread(ctx: CommunityContext, authorId: string, id: string, now = Date.now()) {
  const { db } = ctx.services;
  const thread = await ownThread(ctx, authorId, id);
  await atomically(db, [
    ...store.deleteThread(db, thread, now),
    unfollow(db, id, authorId),
    dropFollowersOfGone(db, id),
  ]);
}
