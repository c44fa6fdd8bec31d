import { describe, expect, it } from "vitest";
import { api, asAdmin, json, signUp, type TestAccount } from "../support/identity";
import { waitForMail } from "../support/mail";
import {
  aBook,
  aComment,
  aReview,
  aThread,
  eventsAbout,
  itemsOf,
  type QueueItem,
  queueItemOf,
  ratingOf,
  report,
  statusOf,
} from "./moderated-content";

const decide = (admin: TestAccount, id: string, action: "approve" | "remove", note = "Looked at it.") =>
  api(`/v1/admin/moderation/${id}/decision`, json({ action, note }, { headers: admin.auth }));

async function hiddenByReports(type: "review" | "comment" | "thread", id: string) {
  const readers = await Promise.all([signUp(), signUp(), signUp()]);
  for (const reader of readers) expect((await report(reader, type, id)).status).toBe(201);
  expect(await statusOf(type, id)).toBe("hidden");
  return readers;
}

describe("GET /v1/admin/moderation", () => {
  it("lists what the filter held with the post's text, author, flags and cause", async () => {
    const author = await signUp({ name: "Held Reader" });
    const review = await aReview(author, await aBook(), {
      status: "pending",
      title: "Title",
      body: "Held body",
      name: "Held Reader",
    });
    const item = await queueItemOf(await asAdmin(), "pending", review);
    expect(item).toMatchObject({
      id: expect.stringMatching(/^mod_/),
      status: "pending",
      cause: "filter",
      flags: ["profanity"],
      reportCount: 0,
      reasons: [],
      decision: null,
      target: {
        type: "review",
        id: review,
        status: "pending",
        title: "Title",
        body: "Held body",
        deleted: false,
        author: { id: author.userId, name: "Held Reader" },
      },
    } satisfies Partial<QueueItem>);
  });

  it("pages through the queue with the cursor, the longest waiting first, none repeated", async () => {
    const author = await signUp();
    const book = await aBook();
    const mine: string[] = [];
    for (let i = 0; i < 3; i++) mine.push(await aThread(author, book, { status: "pending" }));
    const admin = await asAdmin();
    const seen: string[] = [];
    for (let cursor: string | null = ""; cursor !== null; ) {
      const response = await api(`/v1/admin/moderation?status=pending&limit=2${cursor ? `&cursor=${cursor}` : ""}`, {
        headers: admin.auth,
      });
      expect(response.status).toBe(200);
      const page = await response.json<{ items: QueueItem[]; nextCursor: string | null }>();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.target?.id ?? item.id));
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => mine.includes(id))).toEqual(mine);
  });
});

describe("POST /v1/admin/moderation/{id}/decision", () => {
  it("approving a hidden review restores it and its stars, audits it and mails the author", async () => {
    const author = await signUp({ verified: true, name: "Restored Reader" });
    const book = await aBook();
    const review = await aReview(author, book, { rating: 5 });
    await hiddenByReports("review", review);
    expect((await ratingOf(book)).count).toBe(0);

    const admin = await asAdmin();
    const [item] = await itemsOf(review);
    const response = await decide(admin, item!.id, "approve", "Quoting the book is fine.");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: item!.id,
      status: "approved",
      decision: { action: "approve", note: "Quoting the book is fine.", decidedBy: admin.userId },
      target: { id: review, status: "published" },
    });
    expect(await statusOf("review", review)).toBe("published");
    expect(await ratingOf(book)).toMatchObject({ count: 1, average: 5 });
    expect(await eventsAbout("ModerationDecided", item!.id)).toBe(1);

    const audit = await api(`/v1/admin/audit?type=moderation_decided&userId=${author.userId}`, { headers: admin.auth });
    expect((await audit.json<{ items: unknown[] }>()).items).toEqual([
      expect.objectContaining({
        type: "moderation_decided",
        userId: author.userId,
        actorId: admin.userId,
        detail: {
          moderationId: item!.id,
          targetType: "review",
          targetId: review,
          action: "approve",
          note: "Quoting the book is fine.",
        },
        target: `moderation:${item!.id}`,
        before: { status: "hidden", contentStatus: "hidden" },
        after: { status: "approved", contentStatus: "published" },
        requestId: expect.stringMatching(/^req_/),
      }),
    ]);

    const [mail] = await waitForMail(author.email, "moderation-approved");
    expect(mail!.subject).toBe("Your review on Book Bazaar was approved");
    expect(mail!.text).toContain("Hello Restored Reader,");
    expect(mail!.text).toContain("Quoting the book is fine.");
  });

  it("after an approval, earlier reports do not count: hiding again takes three new reporters", async () => {
    const author = await signUp();
    const comment = await aComment(author, await aThread(author, await aBook()));
    await hiddenByReports("comment", comment);
    const [item] = await itemsOf(comment);
    expect((await decide(await asAdmin(), item!.id, "approve")).status).toBe(200);
    const [fourth, fifth] = await Promise.all([signUp(), signUp()]);
    for (const reader of [fourth!, fifth!]) expect((await report(reader, "comment", comment)).status).toBe(201);
    expect(await statusOf("comment", comment)).toBe("published");
    expect((await report(await signUp(), "comment", comment)).status).toBe(201);
    expect(await statusOf("comment", comment)).toBe("hidden");
    expect(await itemsOf(comment)).toMatchObject([{ id: item!.id, status: "hidden", decided_by: null }]);
  });

  it("removing a held thread keeps it out for good and mails the author", async () => {
    const author = await signUp({ verified: true });
    const thread = await aThread(author, await aBook(), { status: "pending" });
    const [item] = await itemsOf(thread);
    const response = await decide(await asAdmin(), item!.id, "remove", "Personal attacks are not allowed.");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "removed", decision: { action: "remove" } });
    expect(await statusOf("thread", thread)).toBe("removed");
    const [mail] = await waitForMail(author.email, "moderation-removed");
    expect(mail!.subject).toBe("Your discussion thread on Book Bazaar was removed");
    expect(mail!.text).toContain("Personal attacks are not allowed.");
  });

  it("removing a hidden review keeps its stars out", async () => {
    const author = await signUp();
    const book = await aBook();
    const review = await aReview(author, book, { rating: 3 });
    await hiddenByReports("review", review);
    const [item] = await itemsOf(review);
    expect((await decide(await asAdmin(), item!.id, "remove")).status).toBe(200);
    expect(await statusOf("review", review)).toBe("removed");
    expect((await ratingOf(book)).count).toBe(0);
  });

  it("approving a comment the filter held sends the reply notices its posting would have", async () => {
    const [threadAuthor, commenter] = await Promise.all([signUp(), signUp()]);
    const thread = await aThread(threadAuthor, await aBook());
    const comment = await aComment(commenter, thread, { status: "pending" });
    expect(await eventsAbout("CommentReplied", comment)).toBe(0);
    const [item] = await itemsOf(comment);
    expect((await decide(await asAdmin(), item!.id, "approve")).status).toBe(200);
    expect(await statusOf("comment", comment)).toBe("published");
    expect(await eventsAbout("CommentReplied", comment)).toBe(1);
  });

  it("approving a reported comment does not notify again", async () => {
    const [threadAuthor, commenter] = await Promise.all([signUp(), signUp()]);
    const comment = await aComment(commenter, await aThread(threadAuthor, await aBook()));
    await hiddenByReports("comment", comment);
    const [item] = await itemsOf(comment);
    expect((await decide(await asAdmin(), item!.id, "approve")).status).toBe(200);
    expect(await eventsAbout("CommentReplied", comment)).toBe(0);
  });
});
