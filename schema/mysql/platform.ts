import { index, int, mysqlTable, primaryKey, uniqueIndex } from "drizzle-orm/mysql-core";
import { epochMs, id, longtext, text, varchar } from "./columns";

/** The shared tables in MySQL: DDL twins of schema/platform.ts, which the stores query. */

/** Queue and consumer names, event types. */
const NAME = 64;
/** Ids that may come from outside: queue message ids, event ids of other systems. */
const FOREIGN_ID = 255;

export const outbox = mysqlTable(
  "outbox",
  {
    eventId: id("event_id").notNull(),
    queue: varchar("queue", NAME).notNull(),
    type: varchar("type", NAME).notNull(),
    envelope: longtext("envelope").notNull(),
    createdAt: epochMs("created_at").notNull(),
    sentAt: epochMs("sent_at"),
    attempts: int("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.queue] }),
    // SQLite keeps only unsent rows in it (WHERE sent_at IS NULL); MySQL has no partial indexes.
    index("outbox_unsent_idx").on(t.createdAt),
  ],
);

export const processedEvents = mysqlTable(
  "processed_events",
  {
    consumer: varchar("consumer", NAME).notNull(),
    eventId: varchar("event_id", FOREIGN_ID).notNull(),
    processedAt: epochMs("processed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
);

export const deadLetters = mysqlTable(
  "dead_letters",
  {
    id: id("id").primaryKey(),
    queue: varchar("queue", NAME).notNull(),
    messageId: varchar("message_id", FOREIGN_ID).notNull(),
    eventId: varchar("event_id", FOREIGN_ID),
    eventType: varchar("event_type", NAME),
    body: longtext("body").notNull(),
    attempts: int("attempts").notNull(),
    reason: text("reason").notNull(),
    receivedAt: epochMs("received_at").notNull(),
    replayedAt: epochMs("replayed_at"),
    replayCount: int("replay_count").notNull().default(0),
  },
  (t) => [uniqueIndex("dead_letters_message_idx").on(t.queue, t.messageId)],
);

export const idempotencyKeys = mysqlTable(
  "idempotency_keys",
  {
    /** `<userId> <METHOD> <route path>`. */
    scope: varchar("scope", 255).notNull(),
    /** The Idempotency-Key header: 8–128 characters. */
    key: varchar("key", 128).notNull(),
    requestHash: varchar("request_hash", 64).notNull(),
    state: varchar("state", 16).notNull(),
    status: int("status"),
    contentType: varchar("content_type", 255),
    body: longtext("body"),
    createdAt: epochMs("created_at").notNull(),
    expiresAt: epochMs("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index("idempotency_keys_expiry_idx").on(t.expiresAt)],
);
