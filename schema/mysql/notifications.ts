import { index, mysqlTable } from "drizzle-orm/mysql-core";
import { epochMs, id, longtext, text, varchar } from "./columns";

/** The notifications module's tables in MySQL: DDL twins of schema/notifications.ts, which the stores query. */

/** An address is at most 320 characters (RFC 5321: 64 local + @ + 255 domain). */
const EMAIL = 320;

export const devMailbox = mysqlTable(
  "dev_mailbox",
  {
    id: id("id").primaryKey(),
    to: varchar("to", EMAIL).notNull(),
    from: text("from").notNull(),
    subject: text("subject").notNull(),
    text: longtext("text").notNull(),
    html: longtext("html"),
    template: varchar("template", 64).notNull(),
    sentAt: epochMs("sent_at").notNull(),
  },
  (t) => [index("dev_mailbox_to_idx").on(t.to, t.sentAt)],
);

export const deliveries = mysqlTable(
  "deliveries",
  {
    id: id("id").primaryKey(),
    eventId: varchar("event_id", 255).notNull(),
    template: varchar("template", 64).notNull(),
    to: text("to").notNull(),
    provider: varchar("provider", 32).notNull(),
    providerMessageId: varchar("provider_message_id", 255),
    sentAt: epochMs("sent_at").notNull(),
  },
  (t) => [index("deliveries_event_idx").on(t.eventId)],
);
