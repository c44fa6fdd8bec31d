import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createEvent } from "../../queues/events";
import worker from "../../workers/index";
import { testDatabase } from "../support/database";
import { api } from "../support/http";

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

async function mailbox(to: string) {
  const response = await api(`/v1/dev/mailbox?to=${encodeURIComponent(to)}`);
  return (await response.json<{ items: { template: string; subject: string; text: string }[] }>()).items;
}

/** An account written straight to D1, so its mailbox holds only the mail under test (no sign-up mail). */
async function accountAt(email: string, verified = false): Promise<string> {
  const id = `usr_${crypto.randomUUID().replace(/-/g, "")}`;
  const now = Date.now();
  await testDatabase
    .prepare(
      "INSERT INTO users (id, email, email_key, name, password_hash, email_verified_at, created_at, updated_at) VALUES (?, ?, ?, 'Reader', NULL, ?, ?, ?)",
    )
    .bind(id, email, email, verified ? now : null, now, now)
    .run();
  return id;
}

const deliveriesOf = async (eventId: string) =>
  (await testDatabase
    .prepare("SELECT COUNT(*) AS n FROM deliveries WHERE event_id = ?")
    .bind(eventId)
    .first<{ n: number }>())!.n;

describe("identity mail, sent once per event even when the queue redelivers", () => {
  it("PasswordResetRequested sends one reset mail with the link", async () => {
    const to = "reset-redelivery@bazaar.test";
    await accountAt(to);
    const event = createEvent("PasswordResetRequested", { email: to, requestedFrom: { ip: null, userAgent: null } });
    await deliverTwice(event);
    const mails = await mailbox(to);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "password-reset" });
    expect(mails[0]!.text).toMatch(/\/reset-password\?token=[A-Za-z0-9_-]{43}\b/);
    expect(await deliveriesOf(event.id)).toBe(1);
  });

  it("EmailVerificationRequested sends one verification mail", async () => {
    const to = "verify-redelivery@bazaar.test";
    const event = createEvent("EmailVerificationRequested", {
      userId: await accountAt(to),
      email: to,
      name: "Verify Reader",
    });
    await deliverTwice(event);
    const mails = await mailbox(to);
    expect(mails.map((m) => m.template)).toEqual(["verify-email"]);
    expect(await deliveriesOf(event.id)).toBe(1);
  });

  it("PasswordChanged sends one notice", async () => {
    const to = "changed-redelivery@bazaar.test";
    const userId = await accountAt(to, true);
    const event = createEvent("PasswordChanged", { userId, email: to, name: "C", reason: "reset" });
    await deliverTwice(event);
    const mails = await mailbox(to);
    expect(mails.map((m) => m.template)).toEqual(["password-changed"]);
    expect(mails[0]!.text).toContain("reset through a password-reset link");
    expect(await deliveriesOf(event.id)).toBe(1);
  });

  it("UserAuthenticated is acknowledged without mail", async () => {
    const event = createEvent("UserAuthenticated", { userId: "usr_quiet", sessionId: "ses_quiet" });
    await deliverTwice(event);
    expect(await deliveriesOf(event.id)).toBe(0);
  });
});
