import { describe, expect, it } from "vitest";
import { bookRating, comment, newBook, readThread, reviewed, reviewsOf, startThread } from "../support/community";
import { api, asAdmin, json, signUp } from "../support/identity";
import { queueItemOf, report } from "./moderated-content";

/** Stored-XSS strings in every place a reader writes text, posted through the API as a client would. */
const XSS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '<a href="javascript:alert(1)">a link</a> [md](javascript:alert(1))',
  "\"'><svg/onload=alert(1)>",
].join("\n");
const XSS_TITLE = "<script>alert(1)</script><img src=x onerror=alert(1)>";

describe("reporting and moderating what readers posted through the API", () => {
  it("hides a comment after three readers report it and restores it when an admin approves", async () => {
    const [author, ...readers] = await Promise.all([signUp(), signUp(), signUp(), signUp()]);
    const isbn = await newBook();
    const thread = await startThread(author, isbn);
    const posted = await comment(author, thread.id, XSS);
    expect(posted.body).toBe(XSS);

    for (const reader of readers) expect((await report(reader, "comment", posted.id, XSS)).status).toBe(201);
    const shown = (await readThread(thread.id)).comments.map((node) => node.id);
    expect(shown).not.toContain(posted.id);

    const admin = await asAdmin();
    const item = await queueItemOf(admin, "hidden", posted.id);
    expect(item!.target!.body).toBe(XSS);
    expect(item!.reasons).toEqual([XSS, XSS, XSS]);
    const decided = await api(
      `/v1/admin/moderation/${item!.id}/decision`,
      json({ action: "approve", note: "Quoting markup is not an attack." }, { headers: admin.auth }),
    );
    expect(decided.status).toBe(200);
    expect((await readThread(thread.id)).comments.map((node) => node.id)).toContain(posted.id);
  });

  it("a reported review leaves the reviews page and the book's rating, and comes back on approval", async () => {
    const [author, ...readers] = await Promise.all([signUp(), signUp(), signUp(), signUp()]);
    const isbn = await newBook();
    const review = await reviewed(author, isbn, { rating: 2, title: XSS_TITLE, body: XSS });
    expect(await bookRating(isbn)).toMatchObject({ count: 1, average: 2 });

    for (const reader of readers) expect((await report(reader, "review", review.id)).status).toBe(201);
    expect((await reviewsOf(isbn)).items).toEqual([]);
    expect((await bookRating(isbn)).count).toBe(0);

    const admin = await asAdmin();
    const queue = await api("/v1/admin/moderation?status=hidden&limit=100", { headers: admin.auth });
    expect(queue.headers.get("content-type")).toMatch(/^application\/json/);
    const item = await queueItemOf(admin, "hidden", review.id);
    expect(item!.target).toMatchObject({ type: "review", title: XSS_TITLE, body: XSS });
    const decided = await api(
      `/v1/admin/moderation/${item!.id}/decision`,
      json({ action: "approve", note: "Fine." }, { headers: admin.auth }),
    );
    expect(decided.status).toBe(200);
    expect((await reviewsOf(isbn)).items.map((shown) => shown.id)).toEqual([review.id]);
    expect(await bookRating(isbn)).toMatchObject({ count: 1, average: 2 });
  });

  it("shows a thread held by the filter to the moderator as inert text", async () => {
    const author = await signUp();
    const isbn = await newBook();
    const thread = await startThread(author, isbn, {
      title: "Spam links",
      body: `${XSS}\nhttp://a.example http://b.example`,
    });
    expect(thread.status).toBe("pending");
    const item = await queueItemOf(await asAdmin(), "pending", thread.id);
    expect(item).toMatchObject({ cause: "filter", flags: ["links"] });
    expect(item!.target!.body).toBe(`${XSS}\nhttp://a.example http://b.example`);
  });
});
