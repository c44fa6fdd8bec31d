import { and, eq, sql } from "drizzle-orm";
import { threadFollows, threads } from "../../../schema/community";
import { type Db, ignoringDuplicates, type Statement } from "../../platform/db";

/** Follows a thread; following it again changes nothing. */
export function follow(db: Db, threadId: string, userId: string, now: number): Statement {
  return ignoringDuplicates(
    db,
    db.insert(threadFollows).values({ threadId, userId, createdAt: now }),
    threadFollows.threadId,
  );
}

export function unfollow(db: Db, threadId: string, userId: string): Statement {
  return db.delete(threadFollows).where(and(eq(threadFollows.threadId, threadId), eq(threadFollows.userId, userId)));
}

/** The followers of a thread that is gone (deleted with no comments on it) go with it. */
export function dropFollowersOfGone(db: Db, threadId: string): Statement {
  const gone = sql`NOT EXISTS (SELECT 1 FROM ${threads} WHERE ${threads.id} = ${threadId})`;
  return db.delete(threadFollows).where(and(eq(threadFollows.threadId, threadId), gone));
}

export async function followersOf(db: Db, threadId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: threadFollows.userId })
    .from(threadFollows)
    .where(eq(threadFollows.threadId, threadId));
  return rows.map((row) => row.userId);
}
