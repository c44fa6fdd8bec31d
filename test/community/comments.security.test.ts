import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox } from "../../schema/platform";
import { comment, db, newBook, readThread, startThread, XSS } from "../support/community";
import { api, json, signUp } from "../support/identity";

describe("comments (security)", () => {
  it("needs a signed-in reader to comment, edit or delete", async () => {
    const reader = await signUp();
    const thread = await startThread(reader, await newBook());
    expect((await api(`/v1/threads/${thread.id}/comments`, json({ body: "anon" }))).status).toBe(401);
    const mine = await comment(reader, thread.id, "mine");
    expect((await api(`/v1/comments/${mine.id}`, json({ body: "x" }, { method: "PATCH" }))).status).toBe(401);
    expect((await api(`/v1/comments/${mine.id}`, { method: "DELETE" })).status).toBe(401);
  });

  it("answers 404 to another reader's edit or delete, and leaves the comment as it was", async () => {
    const author = await signUp();
    const intruder = await signUp();
    const thread = await startThread(author, await newBook());
    const mine = await comment(author, thread.id, "original");
    const edit = await api(
      `/v1/comments/${mine.id}`,
      json({ body: "defaced" }, { method: "PATCH", headers: intruder.auth }),
    );
    expect(edit.status).toBe(404);
    expect((await api(`/v1/comments/${mine.id}`, { method: "DELETE", headers: intruder.auth })).status).toBe(404);
    expect((await readThread(thread.id)).comments).toMatchObject([{ id: mine.id, body: "original", deleted: false }]);
  });

  it("answers stored-XSS strings back byte-identical, as JSON text", async () => {
    const reader = await signUp({ name: XSS[0] });
    const thread = await startThread(reader, await newBook());
    const body = `${XSS[0]} ${XSS[1]} <a href="javascript:alert(1)">x</a>`;
    const mine = await comment(reader, thread.id, body);
    expect(mine.body).toBe(body);
    const response = await api(`/v1/threads/${thread.id}`);
    expect(response.headers.get("content-type")).toContain("application/json");
    const detail = await response.json<{ comments: { body: string; authorName: string }[] }>();
    expect(detail.comments[0]).toMatchObject({ body, authorName: XSS[0] });
  });

  it("holds a profane comment: not shown, not counted, and nobody is told", async () => {
    const author = await signUp();
    const troll = await signUp();
    const thread = await startThread(author, await newBook());
    const held = await comment(troll, thread.id, "you are a fucking idiot");
    expect(held.status).toBe("pending");
    const detail = await readThread(thread.id);
    expect(detail.comments).toEqual([]);
    expect(detail.thread.commentCount).toBe(0);
    const notices = await db.select().from(outbox).where(eq(outbox.type, "CommentReplied"));
    expect(notices.filter((row) => row.envelope.includes(held.id))).toEqual([]);
    const posted = await db.select().from(outbox).where(eq(outbox.type, "CommentPosted"));
    expect(posted.filter((row) => row.envelope.includes(held.id))).toHaveLength(1);

    // A reply to a held comment is refused: it is not there to readers.
    const reply = await api(
      `/v1/threads/${thread.id}/comments`,
      json({ body: "calm down", parentId: held.id }, { headers: author.auth }),
    );
    expect(reply.status).toBe(404);
  });
});
