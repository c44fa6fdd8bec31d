import { AppError } from "../../http/errors";
import { atomically } from "../../platform/db";
import type { CommunityContext } from "../context";
import { follow, unfollow } from "../store/follows";
import { threadById } from "../store/threads";
import { shownThread } from "./threads";

/** Following a shown thread: told of every new comment in it (`CommentReplied`, reason `following`). */
export async function followThread(ctx: CommunityContext, userId: string, threadId: string, now = Date.now()) {
  await shownThread(ctx, threadId);
  await atomically(ctx.services.db, [follow(ctx.services.db, threadId, userId, now)]);
}

/**
 * Stops following; unfollowing a thread one does not follow changes nothing. It works on a thread held or
 * hidden since, so a follower can leave it whatever became of it.
 */
export async function unfollowThread(ctx: CommunityContext, userId: string, threadId: string) {
  if (!(await threadById(ctx.services.db, threadId))) throw new AppError("not_found", "No such thread.");
  await atomically(ctx.services.db, [unfollow(ctx.services.db, threadId, userId)]);
}
