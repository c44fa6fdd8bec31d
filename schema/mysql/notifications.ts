import { index, int, json, mysqlTable, uniqueIndex } from "drizzle-orm/mysql-core";
import { epochMs, id, longtext, minorUnits, text, varchar } from "./columns";

/** The notifications module's tables in MySQL: DDL twins of schema/notifications.ts, which the stores query. */

/** An address is at most 320 characters (RFC 5321: 64 local + @ + 255 domain). */
const EMAIL = 320;
/** An E.164 phone number: + and at most 15 digits. */
const PHONE = 16;

export const devMailbox = mysqlTable(
  "dev_mailbox",
  {
    id: id("id").primaryKey(),
    to: varchar("to", EMAIL).notNull(),
    from: text("from").notNull(),
    subject: text("subject").notNull(),
    text: longtext("text").notNull(),
    html: longtext("html"),
    headers: json("headers"),
    template: varchar("template", 64).notNull(),
    sentAt: epochMs("sent_at").notNull(),
  },
  (t) => [index("dev_mailbox_to_idx").on(t.to, t.sentAt)],
);

export const devMessages = mysqlTable(
  "dev_messages",
  {
    id: id("id").primaryKey(),
    channel: varchar("channel", 8).notNull(),
    to: varchar("to", 255).notNull(),
    body: longtext("body").notNull(),
    sentAt: epochMs("sent_at").notNull(),
  },
  (t) => [index("dev_messages_to_idx").on(t.channel, t.to, t.sentAt)],
);

export const deliveries = mysqlTable(
  "deliveries",
  {
    id: id("id").primaryKey(),
    eventId: varchar("event_id", 255).notNull(),
    template: varchar("template", 64).notNull(),
    userId: id("user_id"),
    category: varchar("category", 32),
    channel: varchar("channel", 8).notNull().default("email"),
    status: varchar("status", 8).notNull().default("sent"),
    to: text("to").notNull(),
    message: json("message"),
    attempts: int("attempts").notNull().default(1),
    lastError: text("last_error"),
    provider: varchar("provider", 32),
    providerMessageId: varchar("provider_message_id", 255),
    queuedAt: epochMs("queued_at"),
    sentAt: epochMs("sent_at"),
  },
  (t) => [index("deliveries_event_idx").on(t.eventId), index("deliveries_user_idx").on(t.userId, t.queuedAt)],
);

export const notifications = mysqlTable(
  "notifications",
  {
    id: id("id").primaryKey(),
    userId: id("user_id").notNull(),
    sourceKey: varchar("source_key", 255).notNull(),
    kind: varchar("kind", 64).notNull(),
    category: varchar("category", 32).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    data: json("data").notNull(),
    createdAt: epochMs("created_at").notNull(),
    readAt: epochMs("read_at"),
  },
  (t) => [
    uniqueIndex("notifications_source_idx").on(t.userId, t.sourceKey),
    index("notifications_feed_idx").on(t.userId, t.createdAt),
    index("notifications_unread_idx").on(t.userId, t.readAt),
  ],
);

export const notificationPreferences = mysqlTable("notification_preferences", {
  userId: id("user_id").primaryKey(),
  choices: json("choices").notNull(),
  updatedAt: epochMs("updated_at").notNull(),
});

export const pushSubscriptions = mysqlTable(
  "push_subscriptions",
  {
    id: id("id").primaryKey(),
    userId: id("user_id").notNull(),
    endpointHash: varchar("endpoint_hash", 64).notNull(),
    endpoint: text("endpoint").notNull(),
    p256dh: varchar("p256dh", 255).notNull(),
    auth: varchar("auth", 255).notNull(),
    userAgent: text("user_agent"),
    createdAt: epochMs("created_at").notNull(),
    lastUsedAt: epochMs("last_used_at"),
  },
  (t) => [
    uniqueIndex("push_subscriptions_endpoint_idx").on(t.endpointHash),
    index("push_subscriptions_user_idx").on(t.userId),
  ],
);

export const phoneNumbers = mysqlTable("phone_numbers", {
  userId: id("user_id").primaryKey(),
  phone: varchar("phone", PHONE).notNull(),
  verifiedAt: epochMs("verified_at"),
  codeHash: varchar("code_hash", 128),
  codeExpiresAt: epochMs("code_expires_at"),
  attempts: int("attempts").notNull().default(0),
  createdAt: epochMs("created_at").notNull(),
  updatedAt: epochMs("updated_at").notNull(),
});

export const bookAlerts = mysqlTable(
  "book_alerts",
  {
    id: id("id").primaryKey(),
    userId: id("user_id").notNull(),
    editionId: id("edition_id").notNull(),
    isbn13: varchar("isbn13", 13).notNull(),
    kind: varchar("kind", 16).notNull(),
    priceAmount: minorUnits("price_amount"),
    currency: varchar("currency", 3),
    condition: varchar("condition", 16),
    createdAt: epochMs("created_at").notNull(),
    firedAt: epochMs("fired_at"),
    firedListingId: id("fired_listing_id"),
  },
  (t) => [
    index("book_alerts_edition_idx").on(t.editionId, t.firedAt),
    index("book_alerts_user_idx").on(t.userId, t.createdAt),
  ],
);

export const cartReminders = mysqlTable(
  "cart_reminders",
  {
    cartId: id("cart_id").primaryKey(),
    userId: id("user_id").notNull(),
    contentsKey: varchar("contents_key", 64).notNull(),
    changedAt: epochMs("changed_at").notNull(),
    dueAt: epochMs("due_at"),
    remindedKey: varchar("reminded_key", 64),
    remindedAt: epochMs("reminded_at"),
  },
  (t) => [index("cart_reminders_due_idx").on(t.dueAt), index("cart_reminders_user_idx").on(t.userId)],
);
