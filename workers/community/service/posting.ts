import { AppError } from "../../http/errors";
import { readerName } from "../../identity";
import type { CommunityContext } from "../context";

/** The name a post shows, copied from the author's account when it is written. */
export async function authorNameOf(ctx: CommunityContext, userId: string): Promise<string> {
  const name = await readerName(ctx, userId);
  // A deleted account's token is already refused by requireAuth; this covers the moment in between.
  if (name === undefined) throw new AppError("unauthorized", "This account no longer exists.");
  return name;
}
