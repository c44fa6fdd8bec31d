import { desc, eq } from "drizzle-orm";
import { deadLetters } from "../../schema/platform";
import { olderThan } from "../lib/keyset";
import type { Db } from "../platform/db";

export type DeadLetterRow = typeof deadLetters.$inferSelect;

/** Newest first; the cursor is the (receivedAt, id) of the last row served. */
export function listDeadLetters(db: Db, limit: number, after?: { receivedAt: number; id: string }) {
  const older = after
    ? olderThan(deadLetters.receivedAt, deadLetters.id, { time: after.receivedAt, id: after.id })
    : undefined;
  return db
    .select()
    .from(deadLetters)
    .where(older)
    .orderBy(desc(deadLetters.receivedAt), desc(deadLetters.id))
    .limit(limit + 1);
}

export async function deadLetterById(db: Db, id: string) {
  const [row] = await db.select().from(deadLetters).where(eq(deadLetters.id, id)).limit(1);
  return row;
}

export function markReplayed(db: Db, row: DeadLetterRow, now: number) {
  return db
    .update(deadLetters)
    .set({ replayedAt: now, replayCount: row.replayCount + 1 })
    .where(eq(deadLetters.id, row.id));
}
