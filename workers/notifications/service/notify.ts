import type { ConsumerEffect } from "../../../queues/consumer";
import { createEvent } from "../../../queues/events";
import { type Locale, recipientOf } from "../../identity";
import { newId } from "../../lib/ids";
import type { Statement } from "../../platform/db";
import type { NotificationsContext } from "../context";
import { type Category, type Channel, ONE_CLICK_CATEGORIES, withDefaults } from "../preferences";
import { pushPayload, smsText } from "../short-form";
import { queueDelivery } from "../store/deliveries";
import { type FeedRow, insertFeedItem } from "../store/feed";
import { verifiedPhoneOf } from "../store/phones";
import { storedChoices } from "../store/preferences";
import { subscriptionsOf } from "../store/push-subscriptions";
import { type UnsubscribeLinks, unsubscribeLinks } from "./unsubscribe";

export interface Recipient {
  userId: string;
  name: string;
  /** Null while the address is unconfirmed: such an account gets its notices in the feed only. */
  email: string | null;
  locale: Locale;
  /** Where this notice's mail unsubscribes from its category: set for the categories with one-click unsubscribe. */
  unsubscribe?: UnsubscribeLinks;
}

/** A notice as each channel shows it: the whole mail, and the short form for the feed, push and SMS. */
export interface NoticeContent {
  mail: { template: string; subject: string; text: string; html: string; headers?: Record<string, string> };
  title: string;
  body: string;
  link: string | null;
}

export interface Notice {
  userId: string;
  /** What caused it (an event id): a user gets one notice per source and kind, however often it is delivered. */
  sourceId: string;
  kind: string;
  category: Category;
  /** Ids the feed item keeps for clients (an order id, a listing id). */
  data: Record<string, unknown>;
  render(recipient: Recipient): NoticeContent;
}

/** The feed item as the API and the live channel show it. */
export function feedItemView(row: FeedRow) {
  return {
    id: row.id,
    kind: row.kind,
    category: row.category as Category,
    title: row.title,
    body: row.body,
    link: row.link,
    data: row.data,
    createdAt: new Date(row.createdAt).toISOString(),
    read: row.readAt !== null,
  };
}
export type FeedItem = ReturnType<typeof feedItemView>;

/**
 * Notifies a user as their preferences say: a feed item (and its live push), and a queued delivery per outside
 * channel. The rows and their DeliveryQueued events commit with the consumer's processed-event marker.
 */
export async function notify(ctx: NotificationsContext, notice: Notice): Promise<ConsumerEffect> {
  const recipient = await recipientOf(ctx, notice.userId);
  if (!recipient) return { statements: [], events: [] };
  const choices = withDefaults(await storedChoices(ctx.services.db, notice.userId))[notice.category];
  const mailed = choices.email && recipient.email !== null;
  const unsubscribe =
    mailed && ONE_CLICK_CATEGORIES.includes(notice.category)
      ? await unsubscribeLinks(ctx.config, notice.userId, notice.category)
      : undefined;
  const content = notice.render({ ...recipient, unsubscribe });
  const { db } = ctx.services;
  const statements: Statement[] = [];
  const events: ConsumerEffect["events"] = [];
  const queue = (channel: Channel, to: string, message: Record<string, unknown>) => {
    const id = newId("msg");
    statements.push(
      queueDelivery(db, {
        id,
        eventId: notice.sourceId,
        template: notice.kind,
        userId: notice.userId,
        category: notice.category,
        channel,
        to,
        message,
      }),
    );
    events.push(createEvent("DeliveryQueued", { deliveryId: id, channel }));
  };

  if (choices.in_app) {
    const item: FeedRow = {
      id: newId("ntf"),
      userId: notice.userId,
      sourceKey: `${notice.sourceId}:${notice.kind}`,
      kind: notice.kind,
      category: notice.category,
      title: content.title,
      body: content.body,
      link: content.link,
      data: notice.data,
      createdAt: Date.now(),
      readAt: null,
    };
    statements.push(insertFeedItem(db, item));
    queue("in_app", notice.userId, feedItemView(item));
  }
  if (mailed && recipient.email) queue("email", recipient.email, content.mail);
  const [phone, subscriptions] = await Promise.all([
    choices.sms ? verifiedPhoneOf(db, notice.userId) : undefined,
    choices.push ? subscriptionsOf(db, notice.userId) : [],
  ]);
  if (phone) queue("sms", phone, { text: smsText(content) });
  for (const subscription of subscriptions) queue("push", subscription.id, pushPayload(notice.kind, content));
  return { statements, events };
}

/** Several notices (one per seller of an order, say) as one effect. */
export async function notifyAll(ctx: NotificationsContext, notices: Notice[]): Promise<ConsumerEffect> {
  const effects = await Promise.all(notices.map((notice) => notify(ctx, notice)));
  return { statements: effects.flatMap((e) => e.statements), events: effects.flatMap((e) => e.events) };
}
