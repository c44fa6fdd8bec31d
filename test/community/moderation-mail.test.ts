import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createEvent } from "../../queues/events";
import worker from "../../workers/index";
import { newId } from "../../workers/lib/ids";
import { testDatabase } from "../support/database";
import { eventually } from "../support/eventually";
import { signUp } from "../support/identity";

/** Delivers the same event twice through the Worker's queue handler, as a redelivering queue would. */
async function deliverTwice(event: ReturnType<typeof createEvent>) {
  for (const attempt of [1, 2]) {
    const ctx = createExecutionContext();
    const batch = createMessageBatch("notifications", [
      { id: `msg-${event.id}-${attempt}`, timestamp: new Date(), attempts: attempt, body: event },
    ]);
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual([`msg-${event.id}-${attempt}`]);
  }
}

const decided = (authorId: string, note: string) =>
  createEvent("ModerationDecided", {
    moderationId: newId("mod"),
    targetType: "comment",
    targetId: newId("cmt"),
    authorId,
    action: "remove",
    note,
    decidedBy: newId("usr"),
  });

const moderationMail = async (to: string) =>
  (
    await testDatabase
      .prepare("SELECT subject, text, html FROM dev_mailbox WHERE `to` = ? AND template LIKE 'moderation-%'")
      .bind(to)
      .all<{ subject: string; text: string; html: string }>()
  ).results;

describe("ModerationDecided mail", () => {
  it("tells the author once under redelivery, the note escaped in the HTML part", async () => {
    const author = await signUp({ verified: true, name: "Mailed Reader" });
    const note = `<script>alert(1)</script> <img src=x onerror=alert(1)> javascript:alert(1)`;
    await deliverTwice(decided(author.userId, note));
    // The mail is a queued delivery, sent by its own consumer shortly after.
    const mails = await eventually(async () => {
      const sent = await moderationMail(author.email);
      return sent.length > 0 ? sent : undefined;
    });
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.subject).toBe("Your comment on Book Bazaar was removed");
    expect(mail!.text).toContain(note);
    expect(mail!.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;");
    expect(mail!.html).not.toMatch(/<script|<img|href="javascript/i);
  });

  it("sends nothing to an author whose address is not confirmed", async () => {
    const author = await signUp();
    const event = decided(author.userId, "Removed.");
    await deliverTwice(event);
    expect(await moderationMail(author.email)).toEqual([]);
    const deliveries = await testDatabase
      .prepare("SELECT COUNT(*) AS n FROM deliveries WHERE event_id = ? AND channel = 'email'")
      .bind(event.id)
      .first<{ n: number }>();
    expect(Number(deliveries?.n)).toBe(0);
  });
});
