import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { comments, reviews, threads } from "../../schema/community";
import { aReview, comment, db, newBook, readThread, startThread } from "../support/community";
import { api, json, signUp } from "../support/identity";

const stored = async (id: string) => (await db.select().from(comments).where(eq(comments.id, id)))[0];
const threadRow = async (id: string) => (await db.select().from(threads).where(eq(threads.id, id)))[0]!;

describe("comments (happy path)", () => {
  it("comments on a thread and replies, keeping the counts in the same write", async () => {
    const reader = await signUp({ name: "Therem" });
    const thread = await startThread(reader, await newBook());
    const top = await comment(reader, thread.id, "First!");
    expect(top).toMatchObject({ parentId: null, depth: 0, status: "published", body: "First!" });
    const reply = await comment(reader, thread.id, "Replying to myself", top.id);
    expect(reply).toMatchObject({ parentId: top.id, depth: 1 });
    expect(await stored(top.id)).toMatchObject({ replyCount: 1, path: top.id });
    expect(await stored(reply.id)).toMatchObject({ path: `${top.id}/${reply.id}`, replyCount: 0 });
    expect(await threadRow(thread.id)).toMatchObject({ commentCount: 2 });
  });

  it("lets its author edit a comment", async () => {
    const reader = await signUp();
    const thread = await startThread(reader, await newBook());
    const mine = await comment(reader, thread.id, "Typo hree");
    const edited = await api(
      `/v1/comments/${mine.id}`,
      json({ body: "Typo here" }, { method: "PATCH", headers: reader.auth }),
    );
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ id: mine.id, body: "Typo here", status: "published" });
    expect((await readThread(thread.id)).comments[0]).toMatchObject({ body: "Typo here" });
  });

  it("shows a deleted comment with replies as deleted, its text gone from the row; one without disappears", async () => {
    const reader = await signUp();
    const other = await signUp();
    const thread = await startThread(reader, await newBook());
    const parent = await comment(reader, thread.id, "Something I regret");
    const reply = await comment(other, thread.id, "Quoting nothing", parent.id);
    const lonely = await comment(reader, thread.id, "Nobody answers this");

    expect((await api(`/v1/comments/${parent.id}`, { method: "DELETE", headers: reader.auth })).status).toBe(204);
    expect((await api(`/v1/comments/${lonely.id}`, { method: "DELETE", headers: reader.auth })).status).toBe(204);

    const detail = await readThread(thread.id);
    expect(detail.comments).toMatchObject([
      {
        id: parent.id,
        deleted: true,
        body: null,
        replies: [{ id: reply.id, deleted: false, body: "Quoting nothing" }],
      },
    ]);
    expect(await stored(parent.id)).toMatchObject({ body: "", replyCount: 1 });
    expect(await stored(lonely.id)).toMatchObject({ body: "" });
    expect(await threadRow(thread.id)).toMatchObject({ commentCount: 1 });

    // Its last reply gone, the deleted comment is not shown any more either.
    expect((await api(`/v1/comments/${reply.id}`, { method: "DELETE", headers: other.auth })).status).toBe(204);
    expect((await readThread(thread.id)).comments).toEqual([]);
    expect(await stored(parent.id)).toMatchObject({ replyCount: 0 });
    expect(await threadRow(thread.id)).toMatchObject({ commentCount: 0 });
    // Deleting it again is 404: it is not there to its author either.
    expect((await api(`/v1/comments/${parent.id}`, { method: "DELETE", headers: reader.auth })).status).toBe(404);
  });

  it("comments on a published review and lists them as a tree", async () => {
    const author = await signUp();
    const reader = await signUp({ name: "Faxe" });
    const review = await aReview(author);
    const top = await comment(reader, review.id, "Agreed, a masterpiece.");
    const answer = await comment(author, review.id, "Thank you!", top.id);
    expect(top).toMatchObject({ subjectType: "review", subjectId: review.id });

    const response = await api(`/v1/reviews/${review.id}/comments`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      reviewId: review.id,
      nextCursor: null,
      comments: [{ id: top.id, authorName: "Faxe", replies: [{ id: answer.id, body: "Thank you!" }] }],
    });
    const [row] = await db
      .select({ commentCount: reviews.commentCount })
      .from(reviews)
      .where(eq(reviews.id, review.id));
    expect(row).toEqual({ commentCount: 2 });
  });

  it("keeps the counts right when a reply and the deletion of its parent cross, or two deletions", async () => {
    const reader = await signUp();
    const other = await signUp();
    const thread = await startThread(reader, await newBook());
    for (let round = 0; round < 3; round++) {
      const parent = await comment(reader, thread.id, `Round ${round}`);
      const [deleted, replied] = await Promise.all([
        api(`/v1/comments/${parent.id}`, { method: "DELETE", headers: reader.auth }),
        api(`/v1/threads/${thread.id}/comments`, json({ body: "Wait!", parentId: parent.id }, { headers: other.auth })),
      ]);
      expect(deleted.status).toBe(204);
      expect([201, 404]).toContain(replied.status);
      const replies = await db.select().from(comments).where(eq(comments.parentId, parent.id));
      expect(replies).toHaveLength(replied.status === 201 ? 1 : 0);
      expect(await stored(parent.id)).toMatchObject({ body: "", replyCount: replies.length });
    }
    const parent = await comment(reader, thread.id, "Answer me");
    const twice = await comment(other, thread.id, "Deleted twice at once", parent.id);
    const deletions = await Promise.all(
      [1, 2].map(() => api(`/v1/comments/${twice.id}`, { method: "DELETE", headers: other.auth })),
    );
    // Both may have read it before either wrote (204, 204), or one after the other (204, 404).
    expect(deletions.map((response) => response.status)).toContain(204);
    for (const response of deletions) expect([204, 404]).toContain(response.status);
    expect(await stored(parent.id)).toMatchObject({ replyCount: 0 });
    const shown = (await readThread(thread.id)).comments.flatMap((top) => [top, ...top.replies]);
    const live = shown.filter((node) => !node.deleted);
    expect((await threadRow(thread.id)).commentCount).toBe(live.length);
  });
});
