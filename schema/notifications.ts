import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** Mail kept by the development mailbox adapter instead of being sent. */
export const devMailbox = sqliteTable(
  "dev_mailbox",
  {
    id: text("id").primaryKey(),
    to: text("to").notNull(),
    from: text("from").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    /** Extra mail headers the mail carried (`List-Unsubscribe`, `List-Unsubscribe-Post`). */
    headers: text("headers", { mode: "json" }).$type<Record<string, string>>(),
    template: text("template").notNull(),
    sentAt: integer("sent_at").notNull(),
  },
  (t) => [index("dev_mailbox_to_idx").on(t.to, t.sentAt)],
);

/** SMS and push messages the development adapters keep instead of sending them. */
export const devMessages = sqliteTable(
  "dev_messages",
  {
    id: text("id").primaryKey(),
    channel: text("channel", { enum: ["sms", "push"] }).notNull(),
    to: text("to").notNull(),
    body: text("body").notNull(),
    sentAt: integer("sent_at").notNull(),
  },
  (t) => [index("dev_messages_to_idx").on(t.channel, t.to, t.sentAt)],
);

export const DELIVERY_CHANNELS = ["email", "sms", "push", "in_app"] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
export const DELIVERY_STATUSES = ["queued", "sent", "failed", "dead", "gone"] as const;

/**
 * Every message the notifications module hands to a channel, whichever adapter delivers it: written `queued`
 * with what to send (`message`), then `sent`, `failed` (retrying), `dead` (retries exhausted) or `gone` (the
 * push endpoint no longer exists). The id is derived from the event, template, channel and recipient, so a
 * redelivered event queues nothing twice.
 */
export const deliveries = sqliteTable(
  "deliveries",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id").notNull(),
    template: text("template").notNull(),
    userId: text("user_id"),
    category: text("category"),
    channel: text("channel", { enum: DELIVERY_CHANNELS }).notNull().default("email"),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull().default("sent"),
    to: text("to").notNull(),
    message: text("message", { mode: "json" }).$type<Record<string, unknown>>(),
    attempts: integer("attempts").notNull().default(1),
    lastError: text("last_error"),
    provider: text("provider"),
    providerMessageId: text("provider_message_id"),
    queuedAt: integer("queued_at"),
    sentAt: integer("sent_at"),
  },
  (t) => [index("deliveries_event_idx").on(t.eventId), index("deliveries_user_idx").on(t.userId, t.queuedAt)],
);

/** The in-app feed: one item per notification a user gets; `sourceKey` (event and kind) keeps it to one. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    sourceKey: text("source_key").notNull(),
    kind: text("kind").notNull(),
    category: text("category").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: integer("created_at").notNull(),
    readAt: integer("read_at"),
  },
  (t) => [
    uniqueIndex("notifications_source_idx").on(t.userId, t.sourceKey),
    index("notifications_feed_idx").on(t.userId, t.createdAt),
    index("notifications_unread_idx").on(t.userId, t.readAt),
  ],
);

/** What a user chose per category and channel; a user without a row has the defaults. */
export const notificationPreferences = sqliteTable("notification_preferences", {
  userId: text("user_id").primaryKey(),
  choices: text("choices", { mode: "json" }).$type<Record<string, Record<string, boolean>>>().notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/** A browser's Web Push subscription; `endpointHash` (SHA-256 of the endpoint) keeps one row per endpoint. */
export const pushSubscriptions = sqliteTable(
  "push_subscriptions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    endpointHash: text("endpoint_hash").notNull(),
    endpoint: text("endpoint").notNull(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    userAgent: text("user_agent"),
    createdAt: integer("created_at").notNull(),
    lastUsedAt: integer("last_used_at"),
  },
  (t) => [
    uniqueIndex("push_subscriptions_endpoint_idx").on(t.endpointHash),
    index("push_subscriptions_user_idx").on(t.userId),
  ],
);

/** A user's phone number for SMS, usable once `verifiedAt` is set by the code sent to it. */
export const phoneNumbers = sqliteTable("phone_numbers", {
  userId: text("user_id").primaryKey(),
  phone: text("phone").notNull(),
  verifiedAt: integer("verified_at"),
  codeHash: text("code_hash"),
  codeExpiresAt: integer("code_expires_at"),
  attempts: integer("attempts").notNull().default(0),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/** A reader's wish to hear when an edition is back in stock or offered below a price; told once (`firedAt`). */
export const bookAlerts = sqliteTable(
  "book_alerts",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    editionId: text("edition_id").notNull(),
    isbn13: text("isbn13").notNull(),
    kind: text("kind", { enum: ["back_in_stock", "price_below"] }).notNull(),
    priceAmount: integer("price_amount"),
    currency: text("currency"),
    condition: text("condition"),
    createdAt: integer("created_at").notNull(),
    firedAt: integer("fired_at"),
    firedListingId: text("fired_listing_id"),
  },
  (t) => [
    index("book_alerts_edition_idx").on(t.editionId, t.firedAt),
    index("book_alerts_user_idx").on(t.userId, t.createdAt),
  ],
);

/**
 * A signed-in buyer's cart as the abandoned-cart reminder sees it: `contentsKey` names what is in it, `dueAt`
 * when to remind, `remindedKey` the contents already reminded of (never twice for the same contents).
 */
export const cartReminders = sqliteTable(
  "cart_reminders",
  {
    cartId: text("cart_id").primaryKey(),
    userId: text("user_id").notNull(),
    contentsKey: text("contents_key").notNull(),
    changedAt: integer("changed_at").notNull(),
    dueAt: integer("due_at"),
    remindedKey: text("reminded_key"),
    remindedAt: integer("reminded_at"),
  },
  (t) => [index("cart_reminders_due_idx").on(t.dueAt), index("cart_reminders_user_idx").on(t.userId)],
);
