import { AppError } from "../http/errors";
import { readerName } from "../identity";
import type { CommunityContext } from "./context";

/** Who writes a post: the name it is signed with, copied onto it (a deleted account cannot post). */
export async function authorNameOf(ctx: CommunityContext, userId: string): Promise<string> {
  const name = await readerName(ctx, userId);
  if (name === undefined) throw new AppError("unauthorized", "This account no longer exists.");
  return name;
}
