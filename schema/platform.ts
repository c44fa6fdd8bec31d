import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** Transactional outbox: an event row written in the same D1 batch as the state change it describes. */
export const outbox = sqliteTable(
  "outbox",
  {
    eventId: text("event_id").notNull(),
    queue: text("queue").notNull(),
    type: text("type").notNull(),
    envelope: text("envelope").notNull(),
    createdAt: integer("created_at").notNull(),
    sentAt: integer("sent_at"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.queue] }),
    index("outbox_unsent_idx").on(t.createdAt).where(sql`sent_at IS NULL`),
  ],
);

/** One row per (consumer, event) that has had its effect: the idempotent-consumer ledger. */
export const processedEvents = sqliteTable(
  "processed_events",
  {
    consumer: text("consumer").notNull(),
    eventId: text("event_id").notNull(),
    processedAt: integer("processed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
);

/** Messages that exhausted their retries (or could never be parsed), kept for operators to inspect and replay. */
export const deadLetters = sqliteTable(
  "dead_letters",
  {
    id: text("id").primaryKey(),
    queue: text("queue").notNull(),
    messageId: text("message_id").notNull(),
    eventId: text("event_id"),
    eventType: text("event_type"),
    body: text("body").notNull(),
    attempts: integer("attempts").notNull(),
    reason: text("reason").notNull(),
    receivedAt: integer("received_at").notNull(),
    replayedAt: integer("replayed_at"),
    replayCount: integer("replay_count").notNull().default(0),
  },
  (t) => [uniqueIndex("dead_letters_message_idx").on(t.queue, t.messageId)],
);

/** Responses of writes sent with an `Idempotency-Key`, kept 24 hours and replayed for the same key and body. */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    state: text("state", { enum: ["in_progress", "done"] }).notNull(),
    status: integer("status"),
    contentType: text("content_type"),
    body: text("body"),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index("idempotency_keys_expiry_idx").on(t.expiresAt)],
);
