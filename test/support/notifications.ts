import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { and, eq, ne } from "drizzle-orm";
import type { EventEnvelope, EventType } from "../../queues/event-catalogue";
import { createEvent } from "../../queues/events";
import { deliveries, notifications } from "../../schema/notifications";
import worker from "../../workers/index";
import { newId } from "../../workers/lib/ids";
import { testDb } from "./database";
import { eventually } from "./eventually";
import { api, json, type TestAccount } from "./identity";

export const db = testDb();

/** Delivers events through the Worker's queue handler, as the notifications queue would; answers the acked ids. */
export async function deliver(...events: EventEnvelope<EventType>[]): Promise<string[]> {
  const batch = createMessageBatch(
    "notifications",
    events.map((body, i) => ({ id: `m-${i}`, timestamp: new Date(), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  return (await getQueueResult(batch, ctx)).explicitAcks;
}

/** A reply to something the recipient wrote, as community emits it. */
export const replied = (recipientId: string, data: { authorName?: string; excerpt?: string } = {}) =>
  createEvent("CommentReplied", {
    commentId: newId("cmt"),
    subjectType: "thread",
    subjectId: newId("thr"),
    recipientId,
    reason: "reply",
    authorName: "Estraven",
    subjectTitle: "Is the ending a dream?",
    isbn13: "9798000000001",
    excerpt: "It is not.",
    ...data,
  });

/** A mail as `GET /v1/dev/mailbox` shows it. */
export interface KeptMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string> | null;
  template: string;
  sentAt: string;
}

/** Waits for a mail of `template` to `to` (queued deliveries are sent by their own consumer) and answers it. */
export function mailTo(to: string, template: string): Promise<KeptMail> {
  return eventually(async () => {
    const response = await api(`/v1/dev/mailbox?to=${encodeURIComponent(to)}&limit=50`);
    const { items } = await response.json<{ items: KeptMail[] }>();
    return items.find((mail) => mail.template === template);
  });
}

/** The deliveries an event queued to outside channels (email, SMS, push); the in-app one pushes the feed item live. */
export const deliveriesOf = (eventId: string) =>
  db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.eventId, eventId), ne(deliveries.channel, "in_app")));

/** The feed items a user has, straight from the table. */
export const feedRowsOf = (userId: string) => db.select().from(notifications).where(eq(notifications.userId, userId));

export interface FeedBody {
  items: { id: string; kind: string; category: string; title: string; body: string; read: boolean }[];
  unreadCount: number;
  nextCursor: string | null;
}

export async function feedOf(account: TestAccount, query = ""): Promise<FeedBody> {
  const response = await api(`/v1/me/notifications${query}`, { headers: account.auth });
  if (response.status !== 200) throw new Error(`feed: ${response.status} ${await response.text()}`);
  return response.json<FeedBody>();
}

export function markRead(account: TestAccount, body: unknown) {
  return api("/v1/me/notifications/read", json(body, { headers: account.auth }));
}

export type Matrix = Record<string, Record<string, boolean>>;

export function choose(account: TestAccount, body: unknown) {
  return api("/v1/me/notification-preferences", json(body, { method: "PUT", headers: account.auth }));
}

export async function preferencesOf(account: TestAccount): Promise<{ categories: Matrix; security: unknown }> {
  const response = await api("/v1/me/notification-preferences", { headers: account.auth });
  if (response.status !== 200) throw new Error(`preferences: ${response.status} ${await response.text()}`);
  return response.json();
}

/** The path and query of a mail's `List-Unsubscribe` URL, to post to the Worker under test. */
export function oneClickPath(mail: KeptMail): string {
  const header = mail.headers?.["List-Unsubscribe"] ?? "";
  const url = new URL(header.replace(/^<|>$/g, ""));
  return `${url.pathname}${url.search}`;
}

/** What a mail client sends for RFC 8058 one-click unsubscribe. */
export const oneClick = (path: string) =>
  api(path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click",
  });
