import { and, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import { comments, threads } from "../../../schema/community";
import { olderThan } from "../../lib/keyset";
import type { Db, Statement } from "../../platform/db";

export type ThreadRow = typeof threads.$inferSelect;

export function insertThread(db: Db, thread: typeof threads.$inferInsert): Statement {
  return db.insert(threads).values(thread);
}

export async function threadById(db: Db, id: string): Promise<ThreadRow | undefined> {
  const [thread] = await db.select().from(threads).where(eq(threads.id, id)).limit(1);
  return thread;
}

/** A work's published threads, most recently active first, after the cursor's (lastActivityAt, id). */
export function publishedThreadsOfWork(
  db: Db,
  workId: string,
  page: { limit: number; after?: { lastActivityAt: number; id: string } },
) {
  const { after } = page;
  return db
    .select()
    .from(threads)
    .where(
      and(
        eq(threads.workId, workId),
        eq(threads.status, "published"),
        after ? olderThan(threads.lastActivityAt, threads.id, { time: after.lastActivityAt, id: after.id }) : undefined,
      ),
    )
    .orderBy(desc(threads.lastActivityAt), desc(threads.id))
    .limit(page.limit);
}

/**
 * The author's edit of a live thread; `status` set when the filter sends a published thread back to pending.
 * Only from the status read: a moderator's hide in between wins, and the edit changes nothing.
 */
export function editThread(
  db: Db,
  thread: { id: string; authorId: string; status: ThreadRow["status"] },
  patch: { title: string; body: string; status: ThreadRow["status"] },
  now: number,
): Statement {
  return db
    .update(threads)
    .set({ ...patch, updatedAt: now })
    .where(
      and(
        eq(threads.id, thread.id),
        eq(threads.authorId, thread.authorId),
        eq(threads.status, thread.status),
        isNull(threads.deletedAt),
      ),
    );
}

/**
 * The author's deletion: the thread's text goes at once; the row itself goes too unless comments hang on it
 * (they stay, under a thread shown as deleted).
 */
export function deleteThread(db: Db, thread: { id: string; authorId: string }, now: number): Statement[] {
  const noComments = sql`NOT EXISTS (SELECT 1 FROM ${comments} WHERE ${comments.subjectType} = 'thread' AND ${comments.subjectId} = ${thread.id})`;
  return [
    db
      .update(threads)
      .set({ title: "", body: "", deletedAt: now, updatedAt: now })
      .where(and(eq(threads.id, thread.id), eq(threads.authorId, thread.authorId), isNull(threads.deletedAt))),
    db.delete(threads).where(and(eq(threads.id, thread.id), noComments)),
  ];
}

/**
 * A comment readers see came (+1) or went (-1): the count moves, and a new one is the thread's latest activity.
 * `guard` makes the move conditional on the comment's change still being to make.
 */
export function moveThreadComments(db: Db, threadId: string, delta: 1 | -1, at: number, guard?: SQL): Statement {
  const set =
    delta === 1
      ? { commentCount: sql`${threads.commentCount} + 1`, lastActivityAt: at }
      : { commentCount: sql`${threads.commentCount} - 1` };
  return db
    .update(threads)
    .set(set)
    .where(and(eq(threads.id, threadId), guard));
}
