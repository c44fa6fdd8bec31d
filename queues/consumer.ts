import { and, eq, inArray, lt } from "drizzle-orm";
import { processedEvents } from "../schema/platform";
import type { Config } from "../workers/config";
import { chunked, MAX_LIST_PARAMS, rowsPerInsert } from "../workers/lib/chunked";
import type { Logger } from "../workers/lib/log";
import { atomically, type Db, type Statement } from "../workers/platform/db";
import type { Services } from "../workers/platform/services";
import { type AnyEvent, type EventEnvelope, type EventType, parseEvent, type QueueName } from "./event-catalogue";

export interface ConsumerContext {
  env: Env;
  config: Config;
  services: Services;
  log: Logger;
}

/** Database writes and the events they cause, committed together with the processed-event marker. */
export interface ConsumerEffect {
  statements: Statement[];
  events: EventEnvelope<EventType>[];
}

/**
 * A queue consumer: the events it handles on one queue, and the effect of one event. An effect that is
 * only database writes (and the events they cause) should return them, so they commit atomically with the
 * processed-event marker.
 */
export interface Consumer<T extends EventType = EventType> {
  name: string;
  queue: QueueName;
  handles: readonly T[];
  handle(event: EventEnvelope<T>, context: ConsumerContext): Promise<Statement[] | ConsumerEffect | undefined>;
}

/**
 * A consumer whose effects add up (counters): the database writes for all of a delivered batch's new events at
 * once, committed atomically with their processed-event markers.
 */
export interface TallyConsumer<T extends EventType = EventType> {
  name: string;
  queue: QueueName;
  handles: readonly T[];
  tally(events: EventEnvelope<T>[], context: ConsumerContext): Statement[];
}

export type AnyConsumer = Consumer | TallyConsumer;

export function defineConsumer<T extends EventType>(consumer: Consumer<T>): Consumer<EventType> {
  return consumer as unknown as Consumer<EventType>;
}

export function defineTallyConsumer<T extends EventType>(consumer: TallyConsumer<T>): TallyConsumer<EventType> {
  return consumer as unknown as TallyConsumer<EventType>;
}

/**
 * How long a processed-event marker is kept: far beyond any queue redelivery (5 retries, backoff capped at
 * 15 minutes), and the age limit for replaying a dead letter, so a replay never finds its markers gone.
 */
export const PROCESSED_EVENT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** Daily housekeeping: forgets markers older than the retention. */
export async function purgeProcessedEvents(db: Db, now = Date.now()): Promise<void> {
  await db.delete(processedEvents).where(lt(processedEvents.processedAt, now - PROCESSED_EVENT_RETENTION_MS));
}

/**
 * Runs `effect` at most once per (consumer, event id); a redelivered event is skipped. Events the effect
 * causes are written to the outbox in the same commit and sent after it.
 */
export async function runOnce(
  { db, outbox }: Pick<Services, "db" | "outbox">,
  consumer: string,
  eventId: string,
  effect: () => Promise<Statement[] | ConsumerEffect | undefined>,
): Promise<"done" | "skipped"> {
  const [seen] = await db
    .select({ eventId: processedEvents.eventId })
    .from(processedEvents)
    .where(and(eq(processedEvents.consumer, consumer), eq(processedEvents.eventId, eventId)))
    .limit(1);
  if (seen) return "skipped";
  const result = (await effect()) ?? [];
  const { statements, events } = Array.isArray(result) ? { statements: result, events: [] } : result;
  // The marker's primary key makes a concurrent duplicate fail the whole write, so the effect commits once.
  const marker = db.insert(processedEvents).values({ consumer, eventId, processedAt: Date.now() });
  await atomically(db, [marker, ...statements, ...outbox.rows(events)]);
  outbox.dispatch(events);
  return "done";
}

/** `runOnce` for a batch of events: one read of the markers, one atomic write of the new markers and effects. */
export async function runOnceForAll(
  db: Db,
  consumer: string,
  events: AnyEvent[],
  effect: (fresh: AnyEvent[]) => Statement[],
): Promise<void> {
  const ids = [...new Set(events.map((event) => event.id))];
  const seen = await Promise.all(
    chunked(ids, MAX_LIST_PARAMS).map((part) =>
      db
        .select({ eventId: processedEvents.eventId })
        .from(processedEvents)
        .where(and(eq(processedEvents.consumer, consumer), inArray(processedEvents.eventId, part))),
    ),
  );
  const done = new Set(seen.flat().map((row) => row.eventId));
  const fresh: AnyEvent[] = [];
  for (const event of events) {
    if (done.has(event.id)) continue;
    done.add(event.id);
    fresh.push(event);
  }
  if (fresh.length === 0) return;
  const processedAt = Date.now();
  const markers = chunked(fresh, rowsPerInsert(3)).map((part) =>
    db.insert(processedEvents).values(part.map((event) => ({ consumer, eventId: event.id, processedAt }))),
  );
  await atomically(db, [...markers, ...effect(fresh)]);
}

/** Exponential backoff for a message's next attempt, capped at 15 minutes. */
export function retryDelaySeconds(attempts: number, baseSeconds: number): number {
  return Math.min(baseSeconds * 2 ** Math.max(0, attempts - 1), 900);
}

export type DeadLetterRecorder = (message: Message<unknown>, queue: string, reason: string) => Promise<void>;

/**
 * Delivers a batch's messages to the consumers subscribed to their queue and type: tally consumers once for all
 * their events, the others message by message. Each message is acked or retried alone.
 */
export async function consumeBatch(
  batch: MessageBatch<unknown>,
  consumers: readonly AnyConsumer[],
  context: ConsumerContext,
  recordDeadLetter: DeadLetterRecorder,
): Promise<void> {
  const subscribed = consumers.filter((consumer) => consumer.queue === batch.queue);
  const delivered: { message: Message<unknown>; event: AnyEvent }[] = [];
  for (const message of batch.messages) {
    const parsed = parseEvent(message.body);
    if (parsed.ok) {
      delivered.push({ message, event: parsed.event });
      continue;
    }
    // A message that can never parse will not parse on retry either: straight to the dead letters.
    await recordDeadLetter(message, batch.queue, parsed.reason);
    message.ack();
  }
  const failures = new Map<Message<unknown>, unknown>();
  for (const consumer of subscribed) {
    if (!("tally" in consumer)) continue;
    const mine = delivered.filter(({ event }) => consumer.handles.includes(event.type));
    if (mine.length === 0) continue;
    await runOnceForAll(
      context.services.db,
      consumer.name,
      mine.map(({ event }) => event),
      (fresh) => consumer.tally(fresh, context),
    ).catch((error) => {
      for (const { message } of mine) failures.set(message, error);
    });
  }
  for (const { message, event } of delivered) {
    try {
      if (failures.has(message)) throw failures.get(message);
      for (const consumer of subscribed) {
        if ("tally" in consumer || !consumer.handles.includes(event.type)) continue;
        await runOnce(context.services, consumer.name, event.id, () => consumer.handle(event, context));
      }
      message.ack();
    } catch (error) {
      const delaySeconds = retryDelaySeconds(message.attempts, context.config.QUEUE_RETRY_BASE_SECONDS);
      context.log.warn("event handling failed; retrying", {
        queue: batch.queue,
        eventId: event.id,
        eventType: event.type,
        attempts: message.attempts,
        delaySeconds,
        error: String(error),
      });
      message.retry({ delaySeconds });
    }
  }
}
