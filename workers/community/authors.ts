import { AppError } from "../http/errors";
import { readerName } from "../identity";
import { failureMessages } from "../platform/db";
import type { CommunityContext } from "./context";

/** Who writes a post: the name it is signed with, copied onto it (a deleted account cannot post). */
export async function authorNameOf(ctx: CommunityContext, userId: string): Promise<string> {
  const name = await readerName(ctx, userId);
  if (name === undefined) throw new AppError("unauthorized", "This account no longer exists.");
  return name;
}

/** Whether a write failed on a unique index of one table: D1 names the table's columns, MySQL the index. */
export function isDuplicateOf(error: unknown, table: string, index: string): boolean {
  const duplicate = new RegExp(
    `UNIQUE constraint failed: ${table}\\.|Duplicate entry '[\\s\\S]*' for key '(${table}\\.)?${index}'`,
    "i",
  );
  return failureMessages(error).some((message) => duplicate.test(message));
}
