import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deliveries } from "../../schema/notifications";
import { CATEGORIES, CHANNELS } from "../../workers/notifications/preferences";
import { comment, newBook, startThread } from "../support/community";
import { eventually } from "../support/eventually";
import { signUp } from "../support/identity";
import { waitForMail } from "../support/mail";
import {
  choose,
  db,
  deliver,
  deliveriesOf,
  feedOf,
  feedRowsOf,
  preferencesOf,
  replied,
} from "../support/notifications";

describe("notification preferences", () => {
  it("answers every category and channel with the defaults, marketing off and security mail locked on", async () => {
    const reader = await signUp();
    const { categories, security } = await preferencesOf(reader);
    expect(Object.keys(categories).sort()).toEqual([...CATEGORIES].sort());
    for (const category of CATEGORIES) expect(Object.keys(categories[category]!).sort()).toEqual([...CHANNELS].sort());
    expect(categories.marketing).toEqual({ email: false, sms: false, push: false, in_app: false });
    expect(categories.orders).toEqual({ email: true, sms: true, push: true, in_app: true });
    expect(categories.community).toEqual({ email: true, sms: false, push: true, in_app: true });
    expect(security).toEqual({ email: true, alwaysOn: true });
  });

  it("merges a partial change into what was chosen before", async () => {
    const reader = await signUp();
    expect((await choose(reader, { categories: { community: { email: false } } })).status).toBe(200);
    const response = await choose(reader, { categories: { marketing: { email: true }, community: { push: false } } });
    expect(response.status).toBe(200);
    const { categories } = await response.json<{ categories: Record<string, Record<string, boolean>> }>();
    expect(categories.community).toEqual({ email: false, sms: false, push: false, in_app: true });
    expect(categories.marketing).toEqual({ email: true, sms: false, push: false, in_app: false });
    expect((await preferencesOf(reader)).categories).toEqual(categories);
    // Sending back what GET answered (security included) changes nothing.
    expect((await choose(reader, await preferencesOf(reader))).status).toBe(200);
    expect((await preferencesOf(reader)).categories).toEqual(categories);
  });
});

describe("preferences honoured per category and channel", () => {
  it("community email off: a reply sends no mail, but the feed item is there", async () => {
    const reader = await signUp({ verified: true });
    expect((await choose(reader, { categories: { community: { email: false } } })).status).toBe(200);
    const event = replied(reader.userId);
    expect(await deliver(event)).toEqual(["m-0"]);
    expect(await deliveriesOf(event.id)).toEqual([]);
    expect(await feedRowsOf(reader.userId)).toEqual([
      expect.objectContaining({ kind: "comment-replied", category: "community", readAt: null }),
    ]);
  });

  it("community in-app off: the mail goes out, no feed item is written", async () => {
    const reader = await signUp({ verified: true });
    expect((await choose(reader, { categories: { community: { in_app: false } } })).status).toBe(200);
    const event = replied(reader.userId);
    await deliver(event);
    expect(await feedRowsOf(reader.userId)).toEqual([]);
    expect(await deliveriesOf(event.id)).toEqual([
      expect.objectContaining({ channel: "email", category: "community" }),
    ]);
    await waitForMail(reader.email, "comment-replied");
  });

  it("a redelivered reply is one feed item and one mail", async () => {
    const reader = await signUp({ verified: true });
    const event = replied(reader.userId);
    expect(await deliver(event, event)).toEqual(["m-0", "m-1"]);
    expect(await feedRowsOf(reader.userId)).toHaveLength(1);
    expect(await deliveriesOf(event.id)).toHaveLength(1);
  });

  it("turning off community mail stops reply mails but not the feed, as a reader sees it", async () => {
    const author = await signUp({ verified: true });
    const replier = await signUp({ verified: true, name: "Estraven" });
    expect((await choose(author, { categories: { community: { email: false } } })).status).toBe(200);
    const thread = await startThread(author, await newBook(), { title: "Is the ending a dream?" });
    await comment(replier, thread.id, "It is not: the ice is real.");
    const { items } = await eventually(async () => {
      const feed = await feedOf(author);
      return feed.items.length > 0 ? feed : undefined;
    });
    expect(items).toEqual([expect.objectContaining({ kind: "comment-replied", title: "Estraven replied to you" })]);
    const mailed = await db.select().from(deliveries).where(eq(deliveries.userId, author.userId));
    expect(mailed.filter((d) => d.template === "comment-replied" && d.channel === "email")).toEqual([]);
  });
});
