import { describe, expect, it } from "vitest";
import type { TestAccount } from "../support/identity";
import { signUp } from "../support/identity";
import { deliver, feedOf, markRead, replied } from "../support/notifications";

/** Three replies, told one after another: the feed shows the last one first. */
async function readerWithThreeReplies(): Promise<TestAccount> {
  const reader = await signUp();
  for (const excerpt of ["first", "second", "third"]) await deliver(replied(reader.userId, { excerpt }));
  return reader;
}

describe("the in-app feed", () => {
  it("lists a user's notices newest first, with the unread count", async () => {
    const reader = await readerWithThreeReplies();
    const feed = await feedOf(reader);
    expect(feed.items.map((item) => item.body)).toEqual(["third", "second", "first"]);
    expect(feed.unreadCount).toBe(3);
    expect(feed.nextCursor).toBeNull();
    expect(feed.items[0]).toEqual({
      id: expect.stringMatching(/^ntf_[0-9a-f]{32}$/),
      kind: "comment-replied",
      category: "community",
      title: "Estraven replied to you",
      body: "third",
      link: expect.stringMatching(/\/books\/9798000000001\/threads\/thr_/),
      data: expect.objectContaining({ subjectType: "thread", isbn13: "9798000000001" }),
      createdAt: expect.any(String),
      read: false,
    });
  });

  it("pages with the cursor, neither repeating nor skipping an item", async () => {
    const reader = await readerWithThreeReplies();
    const first = await feedOf(reader, "?limit=2");
    expect(first.items.map((item) => item.body)).toEqual(["third", "second"]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await feedOf(reader, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((item) => item.body)).toEqual(["first"]);
    expect(second.nextCursor).toBeNull();
    expect(second.unreadCount).toBe(3);
  });

  it("marks items read by id or all at once, and lists only unread ones when asked", async () => {
    const reader = await readerWithThreeReplies();
    const { items } = await feedOf(reader);
    const marked = await markRead(reader, { ids: [items[1]!.id] });
    expect(marked.status).toBe(200);
    expect(await marked.json()).toEqual({ unreadCount: 2 });
    // Marking it again changes nothing.
    expect(await (await markRead(reader, { ids: [items[1]!.id] })).json()).toEqual({ unreadCount: 2 });

    const unread = await feedOf(reader, "?unread=true");
    expect(unread.items.map((item) => item.body)).toEqual(["third", "first"]);
    expect((await feedOf(reader)).items.map((item) => item.read)).toEqual([false, true, false]);

    expect(await (await markRead(reader, { all: true })).json()).toEqual({ unreadCount: 0 });
    expect(await feedOf(reader, "?unread=true")).toEqual({ items: [], unreadCount: 0, nextCursor: null });
  });
});
