import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createEvent } from "../../queues/events";
import worker from "../../workers/index";
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

const deliveriesOf = async (eventId: string) =>
  (await env.DB.prepare("SELECT COUNT(*) AS n FROM deliveries WHERE event_id = ?")
    .bind(eventId)
    .first<{ n: number }>())!.n;

describe("identity mail, sent once per event even when the queue redelivers", () => {
  it("PasswordResetRequested sends one reset mail with the link", async () => {
    const to = "reset-redelivery@bazaar.test";
    const event = createEvent("PasswordResetRequested", {
      userId: "usr_reset",
      email: to,
      name: "Reset Reader",
      resetToken: "reset-token-123456789012345",
      expiresAt: new Date(Date.now() + 1_800_000).toISOString(),
    });
    await deliverTwice(event);
    const mails = await mailbox(to);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "password-reset" });
    expect(mails[0]!.text).toContain("/reset-password?token=reset-token-123456789012345");
    expect(await deliveriesOf(event.id)).toBe(1);
  });

  it("EmailVerificationRequested sends one verification mail", async () => {
    const to = "verify-redelivery@bazaar.test";
    const event = createEvent("EmailVerificationRequested", {
      userId: "usr_verify",
      email: to,
      name: "Verify Reader",
      verificationToken: "verify-token-12345678901234",
    });
    await deliverTwice(event);
    const mails = await mailbox(to);
    expect(mails.map((m) => m.template)).toEqual(["verify-email"]);
    expect(await deliveriesOf(event.id)).toBe(1);
  });

  it("PasswordChanged sends one notice", async () => {
    const to = "changed-redelivery@bazaar.test";
    const event = createEvent("PasswordChanged", { userId: "usr_changed", email: to, name: "C", reason: "reset" });
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
