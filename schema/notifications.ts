import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

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
    template: text("template").notNull(),
    sentAt: integer("sent_at").notNull(),
  },
  (t) => [index("dev_mailbox_to_idx").on(t.to, t.sentAt)],
);

/** Every mail the notifications module handed to a provider, whichever adapter delivered it. */
export const deliveries = sqliteTable(
  "deliveries",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id").notNull(),
    template: text("template").notNull(),
    to: text("to").notNull(),
    provider: text("provider").notNull(),
    providerMessageId: text("provider_message_id"),
    sentAt: integer("sent_at").notNull(),
  },
  (t) => [index("deliveries_event_idx").on(t.eventId)],
);
