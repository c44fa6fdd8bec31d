import { describe, expect, it } from "vitest";
import { comment, newBook, noticesOf, startThread } from "../support/community";
import { api, signUp } from "../support/identity";

describe("follows (security)", () => {
  it("needs a signed-in reader to follow or unfollow", async () => {
    const thread = await startThread(await signUp(), await newBook());
    expect((await api(`/v1/threads/${thread.id}/follow`, { method: "PUT" })).status).toBe(401);
    expect((await api(`/v1/threads/${thread.id}/follow`, { method: "DELETE" })).status).toBe(401);
  });

  it("unfollows only the caller: another reader's follow stays", async () => {
    const author = await signUp();
    const other = await signUp();
    const thread = await startThread(author, await newBook());
    expect((await api(`/v1/threads/${thread.id}/follow`, { method: "DELETE", headers: other.auth })).status).toBe(204);
    const posted = await comment(other, thread.id, "still followed by its author?");
    expect(await noticesOf(posted.id)).toEqual({ [author.userId]: "reply" });
  });
});
