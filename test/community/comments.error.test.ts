import { describe, expect, it } from "vitest";
import { aReview, comment, newBook, startThread } from "../support/community";
import { api, json, signUp } from "../support/identity";

describe("comments (errors)", () => {
  it("answers 404 for an unknown thread, review or comment", async () => {
    const reader = await signUp();
    const post = (path: string) => api(path, json({ body: "Hello" }, { headers: reader.auth }));
    expect((await post(`/v1/threads/thr_${"0".repeat(32)}/comments`)).status).toBe(404);
    expect((await post(`/v1/reviews/rev_${"0".repeat(32)}/comments`)).status).toBe(404);
    expect((await api(`/v1/reviews/rev_${"0".repeat(32)}/comments`)).status).toBe(404);
    const unknown = `cmt_${"0".repeat(32)}`;
    expect(
      (await api(`/v1/comments/${unknown}`, json({ body: "x" }, { method: "PATCH", headers: reader.auth }))).status,
    ).toBe(404);
    expect((await api(`/v1/comments/${unknown}`, { method: "DELETE", headers: reader.auth })).status).toBe(404);
  });

  it("answers 404 for a review that is not published", async () => {
    const author = await signUp();
    const reader = await signUp();
    const held = await aReview(author, { status: "pending" });
    expect((await api(`/v1/reviews/${held.id}/comments`, json({ body: "Hi" }, { headers: reader.auth }))).status).toBe(
      404,
    );
    expect((await api(`/v1/reviews/${held.id}/comments`)).status).toBe(404);
  });

  it("refuses a reply to a reply's reply with 422 reply_too_deep", async () => {
    const reader = await signUp();
    const thread = await startThread(reader, await newBook());
    const top = await comment(reader, thread.id, "0");
    const reply = await comment(reader, thread.id, "1", top.id);
    const deepest = await comment(reader, thread.id, "2", reply.id);
    const tooDeep = await api(
      `/v1/threads/${thread.id}/comments`,
      json({ body: "3", parentId: deepest.id }, { headers: reader.auth }),
    );
    expect(tooDeep.status).toBe(422);
    expect(await tooDeep.json()).toMatchObject({ code: "reply_too_deep", parentId: reply.id });
  });

  it("answers 404 for a parent on another thread, or deleted", async () => {
    const reader = await signUp();
    const isbn = await newBook();
    const one = await startThread(reader, isbn);
    const two = await startThread(reader, isbn);
    const elsewhere = await comment(reader, one.id, "over here");
    const crossed = await api(
      `/v1/threads/${two.id}/comments`,
      json({ body: "reply", parentId: elsewhere.id }, { headers: reader.auth }),
    );
    expect(crossed.status).toBe(404);
    await api(`/v1/comments/${elsewhere.id}`, { method: "DELETE", headers: reader.auth });
    const toDeleted = await api(
      `/v1/threads/${one.id}/comments`,
      json({ body: "reply", parentId: elsewhere.id }, { headers: reader.auth }),
    );
    expect(toDeleted.status).toBe(404);
  });

  it("refuses an empty, oversized or malformed comment as a 400 problem", async () => {
    const reader = await signUp();
    const thread = await startThread(reader, await newBook());
    for (const body of [{ body: "" }, { body: "x".repeat(5001) }, { body: "ok", parentId: "not-a-comment" }, {}]) {
      const response = await api(`/v1/threads/${thread.id}/comments`, json(body, { headers: reader.auth }));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: "validation_failed" });
    }
  });

  it("answers 429 with Retry-After past the posting limit", async () => {
    const reader = await signUp();
    const thread = await startThread(reader, await newBook());
    // The thread was the first of 30 posts allowed in 10 minutes.
    for (let i = 0; i < 29; i++) await comment(reader, thread.id, `Comment ${i}`);
    const over = await api(
      `/v1/threads/${thread.id}/comments`,
      json({ body: "one too many" }, { headers: reader.auth }),
    );
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await over.json()).toMatchObject({ code: "rate_limited" });
  });
});
