import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { consumeBatch, retryDelaySeconds } from "../../queues/consumer";
import { consumers } from "../../queues/consumers";
import { recordDeadLetter } from "../../queues/dead-letters";
import { createEvent } from "../../queues/events";
import { deliveries } from "../../schema/notifications";
import { deadLetters } from "../../schema/platform";
import { loadConfig } from "../../workers/config";
import worker from "../../workers/index";
import { createLogger } from "../../workers/lib/log";
import { buildServices } from "../../workers/platform/services";
import { firstRow, testDb } from "../support/database";
import { envWith } from "../support/env";
import { eventually } from "../support/eventually";
import { recordedRequests, recorderUrl, scriptReply } from "../support/outside";

const db = testDb();

/** The real Worker configuration switched to the HTTP email adapter, pointed at the local recorder. */
function withEmailApi(scope: string) {
  const config = loadConfig(
    envWith({ MAIL_ADAPTER: "http", MAIL_API_URL: `${recorderUrl}/${scope}/emails`, MAIL_API_KEY: "key-1" }),
  );
  const ctx = createExecutionContext();
  const log = createLogger({ test: scope });
  return { ctx, context: { env, config, log, services: buildServices(env, config, ctx, log) } };
}

// A confirmed address's welcome: the mail event that needs no account behind it.
const registered = (email: string) => createEvent("EmailVerified", { userId: "usr_dlq", email, name: "Grace" });

describe("retry backoff", () => {
  it("doubles the delay with every attempt and caps it at 15 minutes", () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelaySeconds(attempts, 2))).toEqual([2, 4, 8, 16]);
    expect(retryDelaySeconds(20, 2)).toBe(900);
  });
});

describe("dead letters", () => {
  it("sends mail through the HTTP email API with the event as idempotency key", async () => {
    await scriptReply({ method: "POST", path: "/email-ok/emails", status: 200, body: { id: "provider-42" } });
    const { ctx, context } = withEmailApi("email-ok");
    const event = registered("http-mail@bazaar.test");
    const batch = createMessageBatch("notifications", [
      { id: "m-ok", timestamp: new Date(), attempts: 1, body: event },
    ]);

    await consumeBatch(batch, consumers, context, (m, q, r) => recordDeadLetter(db, m, q, r));
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["m-ok"]);

    const [sent] = await recordedRequests("email-ok");
    expect(sent?.headers.authorization).toBe("Bearer key-1");
    expect(sent?.headers["idempotency-key"]).toBe(`${event.id}:welcome`);
    expect(JSON.parse(sent?.body ?? "{}")).toMatchObject({
      to: ["http-mail@bazaar.test"],
      subject: expect.any(String),
    });
    const [delivery] = await db.select().from(deliveries).where(eq(deliveries.eventId, event.id));
    expect(delivery).toMatchObject({ provider: "http", providerMessageId: "provider-42" });
  });

  it("retries a failing message with exponential backoff, then records it when the queue gives up", async () => {
    await scriptReply({ method: "POST", path: "/email-down/emails", status: 503, body: {}, times: -1 });
    const { ctx, context } = withEmailApi("email-down");
    const failing = { ...context, config: { ...context.config, QUEUE_RETRY_BASE_SECONDS: 2 } };
    const event = registered("always-fails@bazaar.test");
    const attempt = (attempts: number) =>
      createMessageBatch("notifications", [{ id: "m-fail", timestamp: new Date(), attempts, body: event }]);

    const first = attempt(1);
    await consumeBatch(first, consumers, failing, (m, q, r) => recordDeadLetter(db, m, q, r));
    expect((await getQueueResult(first, ctx)).retryMessages.map((m) => m.msgId)).toEqual(["m-fail"]);
    const fourth = attempt(4);
    await consumeBatch(fourth, consumers, failing, (m, q, r) => recordDeadLetter(db, m, q, r));
    expect((await getQueueResult(fourth, ctx)).retryMessages.map((m) => m.msgId)).toEqual(["m-fail"]);

    // After max_retries the platform moves the message to the dead-letter queue, whose consumer records it.
    const dead = createMessageBatch("notifications-dlq", [
      { id: "m-fail", timestamp: new Date(), attempts: 6, body: event },
    ]);
    const dlqCtx = createExecutionContext();
    await worker.queue(dead, env, dlqCtx);
    expect((await getQueueResult(dead, dlqCtx)).explicitAcks).toEqual(["m-fail"]);
    await worker.queue(dead, env, createExecutionContext());

    const rows = await db.select().from(deadLetters).where(eq(deadLetters.eventId, event.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      queue: "notifications",
      eventType: "EmailVerified",
      attempts: 6,
      reason: "retries exhausted",
    });
    expect((await recordedRequests("email-down")).length).toBe(2);
  });

  it("records a message that can never be parsed straight away, through the real queue", async () => {
    await env.NOTIFICATIONS.send({ id: "evt_not-an-event", type: "NoSuchEvent" });
    const row = await eventually(async () =>
      firstRow(db.select().from(deadLetters).where(eq(deadLetters.eventId, "evt_not-an-event")).limit(1)),
    );
    expect(row.reason).toMatch(/invalid envelope/);
    expect(row.queue).toBe("notifications");
  });
});
