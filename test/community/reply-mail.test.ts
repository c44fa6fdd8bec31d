import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createEvent } from "../../queues/events";
import { deliveries, devMailbox } from "../../schema/notifications";
import worker from "../../workers/index";
import { comment, db, newBook, noticesOf, startThread, XSS } from "../support/community";
import { eventually } from "../support/eventually";
import { api, signUp } from "../support/identity";
import { waitForMail } from "../support/mail";

const replied = (recipientId: string, data: { authorName?: string; excerpt?: string } = {}) =>
  createEvent("CommentReplied", {
    commentId: `cmt_${"a".repeat(32)}`,
    subjectType: "thread",
    subjectId: `thr_${"b".repeat(32)}`,
    recipientId,
    reason: "reply",
    authorName: "Estraven",
    subjectTitle: "Is the ending a dream?",
    isbn13: "9798000000001",
    excerpt: "It is not.",
    ...data,
  });

async function deliver(...events: ReturnType<typeof replied>[]) {
  const batch = createMessageBatch(
    "notifications",
    events.map((body, i) => ({ id: `m-${i}`, timestamp: new Date(), attempts: i + 1, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  return (await getQueueResult(batch, ctx)).explicitAcks;
}

const mailsTo = (to: string) => db.select().from(devMailbox).where(eq(devMailbox.to, to));
/** The reply mail, once its queued delivery has been sent. */
const replyMailTo = (to: string) =>
  eventually(async () => (await mailsTo(to)).find((mail) => mail.template === "comment-replied"));

describe("reply mail (notifications consumer)", () => {
  it("mails the parent's author and the thread's followers, never the replier", async () => {
    const author = await signUp({ verified: true, name: "Genly Ai" });
    const parent = await signUp({ verified: true, name: "Argaven" });
    const follower = await signUp({ verified: true });
    const replier = await signUp({ verified: true, name: "Estraven" });
    const thread = await startThread(author, await newBook(), { title: "Is the ending a dream?" });
    for (const reader of [follower, replier]) {
      expect((await api(`/v1/threads/${thread.id}/follow`, { method: "PUT", headers: reader.auth })).status).toBe(204);
    }
    const top = await comment(parent, thread.id, "I think it is.");
    const reply = await comment(replier, thread.id, "It is not: the ice is real.", top.id);

    expect(await noticesOf(reply.id)).toEqual({
      [parent.userId]: "reply",
      [author.userId]: "following",
      [follower.userId]: "following",
    });
    const [toParent] = await waitForMail(parent.email, "comment-replied");
    expect(toParent!.subject).toBe("Estraven replied to you on Book Bazaar");
    expect(toParent!.text).toContain('Estraven replied to you in the thread "Is the ending a dream?"');
    expect(toParent!.text).toContain('"It is not: the ice is real."');
    expect(toParent!.text).toContain(`/threads/${thread.id}`);
    const [toFollower] = await waitForMail(follower.email, "comment-replied", 2);
    expect(toFollower!.text).toContain("a thread you follow");
    // The thread's author heard of both comments: the top-level one as a reply to them, then the reply.
    await waitForMail(author.email, "comment-replied", 2);
    expect(await noticesOf(top.id)).toEqual({
      [author.userId]: "reply",
      [follower.userId]: "following",
      [replier.userId]: "following",
    });
  });

  it("sends one mail for a CommentReplied delivered twice", async () => {
    const recipient = await signUp({ verified: true });
    const event = replied(recipient.userId);
    expect(await deliver(event, event)).toEqual(["m-0", "m-1"]);
    await replyMailTo(recipient.email);
    const queued = await db.select().from(deliveries).where(eq(deliveries.eventId, event.id));
    expect(queued.map((delivery) => delivery.channel).sort()).toEqual(["email", "in_app"]);
    const mails = await mailsTo(recipient.email);
    expect(mails.filter((mail) => mail.template === "comment-replied")).toHaveLength(1);
  });

  it("keeps what readers wrote inert in the mail: escaped in HTML, no links made of it", async () => {
    const recipient = await signUp({ verified: true });
    const excerpt = `${XSS[0]} ${XSS[1]} see https://evil.example/phish`;
    await deliver(replied(recipient.userId, { authorName: XSS[1], excerpt }));
    const mail = await replyMailTo(recipient.email);
    expect(mail!.html).not.toMatch(/<script|<img|href="https:\/\/evil/);
    expect(mail!.html).toContain("&lt;script&gt;");
    expect(mail!.text).not.toContain("https://evil.example");
  });

  it("sends nothing to a reader whose address is not confirmed", async () => {
    const unconfirmed = await signUp();
    expect(await deliver(replied(unconfirmed.userId))).toEqual(["m-0"]);
    expect((await mailsTo(unconfirmed.email)).filter((mail) => mail.template === "comment-replied")).toEqual([]);
  });
});
