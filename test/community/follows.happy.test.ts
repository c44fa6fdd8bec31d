import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { threadFollows } from "../../schema/community";
import { comment, db, newBook, noticesOf, startThread } from "../support/community";
import { api, signUp } from "../support/identity";

const followers = (threadId: string) =>
  db.select({ userId: threadFollows.userId }).from(threadFollows).where(eq(threadFollows.threadId, threadId));

describe("follows (happy path)", () => {
  it("makes a thread's author its first follower", async () => {
    const author = await signUp();
    const thread = await startThread(author, await newBook());
    expect(await followers(thread.id)).toEqual([{ userId: author.userId }]);
  });

  it("follows and unfollows idempotently; followers hear of new comments, others not", async () => {
    const author = await signUp();
    const follower = await signUp();
    const commenter = await signUp();
    const thread = await startThread(author, await newBook());
    const follow = () => api(`/v1/threads/${thread.id}/follow`, { method: "PUT", headers: follower.auth });
    expect((await follow()).status).toBe(204);
    expect((await follow()).status).toBe(204);
    const rows = await db
      .select()
      .from(threadFollows)
      .where(and(eq(threadFollows.threadId, thread.id), eq(threadFollows.userId, follower.userId)));
    expect(rows).toHaveLength(1);

    const first = await comment(commenter, thread.id, "Hello, followers");
    expect(await noticesOf(first.id)).toEqual({ [author.userId]: "reply", [follower.userId]: "following" });
    // Commenting does not follow: the commenter hears of replies to their own comment only.
    expect((await followers(thread.id)).map((row) => row.userId).sort()).toEqual(
      [author.userId, follower.userId].sort(),
    );

    const unfollow = () => api(`/v1/threads/${thread.id}/follow`, { method: "DELETE", headers: follower.auth });
    expect((await unfollow()).status).toBe(204);
    expect((await unfollow()).status).toBe(204);
    const second = await comment(commenter, thread.id, "Anyone still here?");
    expect(await noticesOf(second.id)).toEqual({ [author.userId]: "reply" });
  });
});
