import { and, eq, lt, or, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * The rows after a newest-first cursor (the time and id of the last row served): older, or as old with a smaller
 * id, so rows of the same millisecond are neither repeated nor skipped.
 */
export function olderThan(time: SQLiteColumn, id: SQLiteColumn, after: { time: number; id: string }): SQL {
  return or(lt(time, after.time), and(eq(time, after.time), lt(id, after.id)))!;
}
