import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { consumeBatch } from "../../queues/consumer";
import { consumers } from "../../queues/consumers";
import { recordDeadLetter } from "../../queues/dead-letters";
import type { EventEnvelope } from "../../queues/event-catalogue";
import { deliveries } from "../../schema/notifications";
import { createApp } from "../../workers/app";
import { loadConfig } from "../../workers/config";
import worker from "../../workers/index";
import { newId } from "../../workers/lib/ids";
import { createLogger } from "../../workers/lib/log";
import { notificationsConsumerContext } from "../../workers/notifications/context";
import type { Category } from "../../workers/notifications/preferences";
import { type Notice, notify } from "../../workers/notifications/service/notify";
import { atomically } from "../../workers/platform/db";
import { buildServices } from "../../workers/platform/services";
import { testDb } from "./database";
import { envWith } from "./env";
import { eventually } from "./eventually";
import { api, json, type TestAccount } from "./identity";
import { assertDeclaredResponse } from "./openapi-contract";
import type { ReceivedPush } from "./push-service";

export const db = testDb();

/** The local push service (test/support/push-service.ts), seen from inside the Worker runtime. */
const pushServiceUrl = (env as unknown as { PUSH_SERVICE_URL: string }).PUSH_SERVICE_URL;

export interface BrowserSubscription {
  id: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** A browser's subscription at the local push service, as `PushSubscription.toJSON()` gives it (plus its id there). */
export async function browserSubscription(): Promise<BrowserSubscription> {
  const response = await fetch(`${pushServiceUrl}/__push/subscriptions`, { method: "POST" });
  return response.json<BrowserSubscription>();
}

/** What the push service answers the next `times` messages to the subscription (negative: every one from now). */
export async function scriptPushReply(subscription: BrowserSubscription, status: number, times = 1) {
  await fetch(`${pushServiceUrl}/__push/subscriptions/${subscription.id}/replies`, {
    method: "POST",
    body: JSON.stringify({ status, times }),
  });
}

/** Every message the push service received for the subscription, oldest first, as it checked and decrypted them. */
export async function pushesTo(subscription: BrowserSubscription): Promise<ReceivedPush[]> {
  const response = await fetch(`${pushServiceUrl}/__push/subscriptions/${subscription.id}/messages`);
  return response.json<ReceivedPush[]>();
}

/** Registers a new browser subscription for the account through the API; answers both. */
export async function subscribeBrowser(account: TestAccount) {
  const browser = await browserSubscription();
  const response = await api(
    "/v1/me/push-subscriptions",
    json({ endpoint: browser.endpoint, keys: browser.keys }, { headers: account.auth }),
  );
  if (response.status !== 201) throw new Error(`subscribe: ${response.status} ${await response.text()}`);
  return { browser, subscription: await response.json<{ id: string; endpoint: string }>() };
}

/** A fresh German mobile number, so tests never share a number's code limit. */
export const newPhone = () => `+4915${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`;

interface DevMessage {
  id: string;
  channel: "sms" | "push";
  to: string;
  body: string;
  sentAt: string;
}

/** What the development adapters kept for a number or a subscription id, newest first. */
export async function devMessages(channel: "sms" | "push", to: string): Promise<DevMessage[]> {
  const response = await api(`/v1/dev/messages?channel=${channel}&to=${encodeURIComponent(to)}&limit=50`);
  if (response.status !== 200) throw new Error(`dev messages: ${response.status} ${await response.text()}`);
  return (await response.json<{ items: DevMessage[] }>()).items;
}

/** Waits for the `count`-th code texted to the number (the SMS dev log keeps them) and answers the newest. */
export async function codeSentTo(phone: string, count = 1): Promise<string> {
  const texts = await eventually(async () => {
    const found = await devMessages("sms", phone);
    return found.length >= count ? found : undefined;
  });
  const code = /code is (\d{6})/.exec(texts[0]!.body)?.[1];
  if (!code) throw new Error(`no code in "${texts[0]!.body}"`);
  return code;
}

export const setPhone = (account: TestAccount, phone: string) =>
  api("/v1/me/phone", json({ phone }, { method: "PUT", headers: account.auth }));

export const enterCode = (account: TestAccount, code: string) =>
  api("/v1/me/phone/verify", json({ code }, { headers: account.auth }));

/** Gives the account a verified number, through the API, as its owner would. */
export async function verifiedPhone(account: TestAccount, phone = newPhone()): Promise<string> {
  const set = await setPhone(account, phone);
  if (set.status !== 200) throw new Error(`PUT phone: ${set.status} ${await set.text()}`);
  const verified = await enterCode(account, await codeSentTo(phone));
  if (verified.status !== 200) throw new Error(`verify phone: ${verified.status} ${await verified.text()}`);
  return phone;
}

/**
 * A consumer context of the real Worker with adapters switched (`SMS_ADAPTER=http` pointed at the recorder,
 * `PUSH_ADAPTER=web-push`), and the execution context whose queue results tests read.
 */
export function channelContext(overrides: Record<string, string>) {
  const withEnv = envWith(overrides);
  const config = loadConfig(withEnv);
  const ctx = createExecutionContext();
  const log = createLogger({ test: "channels" });
  return { ctx, context: { env: withEnv, config, log, services: buildServices(withEnv, config, ctx, log) } };
}

export type ChannelContext = ReturnType<typeof channelContext>;

/** `api` against the Worker with some variables switched (another adapter), held to the OpenAPI document alike. */
export async function apiWith(overrides: Record<string, string>, path: string, init?: RequestInit) {
  const url = `http://bazaar.test${path}`;
  const response = await createApp().request(url, init, envWith(overrides), createExecutionContext());
  await assertDeclaredResponse(init?.method ?? "GET", url, response);
  return response;
}

/** A notice of the category about the user, as a consumer would build it. */
export function shippedNotice(userId: string, category: Category = "orders"): Notice {
  const orderId = newId("ord");
  return {
    userId,
    sourceId: newId("evt"),
    kind: "order-shipped",
    category,
    data: { orderId },
    render: () => ({
      mail: { template: "order-shipped", subject: "Shipped", text: "Shipped.", html: "<p>Shipped.</p>" },
      title: "Ada's Books shipped your order",
      body: "DHL, tracking number JJD0001",
      link: `http://127.0.0.1:8787/orders/${orderId}`,
    }),
  };
}

/**
 * Queues the notice's deliveries as `notify` writes them, without the outbox (so the real queue does not deliver
 * them too): answers the outside channels' DeliveryQueued events for the test to deliver itself (the in-app one,
 * the feed item's live push, stays queued).
 */
export async function queueNotice({ context }: ChannelContext, notice: Notice) {
  const effect = await notify(notificationsConsumerContext(context), notice);
  await atomically(db, effect.statements);
  return (effect.events as EventEnvelope<"DeliveryQueued">[]).filter((event) => event.data.channel !== "in_app");
}

/** Delivers the events as one batch of the notifications queue, on the `attempts`-th try; answers its acks and retries. */
export async function deliverBatch(
  { ctx, context }: ChannelContext,
  events: EventEnvelope<"DeliveryQueued">[],
  attempts = 1,
) {
  const batch = createMessageBatch(
    "notifications",
    events.map((event) => ({ id: `m-${event.id}`, timestamp: new Date(), attempts, body: event })),
  );
  await consumeBatch(batch, consumers, context, (message, queue, reason) =>
    recordDeadLetter(db, message, queue, reason),
  );
  const result = await getQueueResult(batch, ctx);
  return { acked: result.explicitAcks, retried: result.retryMessages.map((message) => message.msgId) };
}

/** The events' messages after the queue gave up: delivered to the notifications dead-letter queue. */
export async function deadLetterBatch(events: EventEnvelope<"DeliveryQueued">[]) {
  const batch = createMessageBatch(
    "notifications-dlq",
    events.map((event) => ({ id: `m-${event.id}`, timestamp: new Date(), attempts: 6, body: event })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  return (await getQueueResult(batch, ctx)).explicitAcks;
}

export async function deliveryOf(event: EventEnvelope<"DeliveryQueued">) {
  const [row] = await db.select().from(deliveries).where(eq(deliveries.id, event.data.deliveryId));
  return row!;
}
