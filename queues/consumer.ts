import { and, eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { processedEvents } from "../schema";
import type { Config } from "../workers/config";
import type { Logger } from "../workers/lib/log";
import type { Db } from "../workers/platform/db";
import type { Services } from "../workers/platform/services";
import { type AnyEvent, type EventEnvelope, type EventType, parseEvent, type QueueName } from "./catalog";

type Statement = BatchItem<"sqlite">;

export interface ConsumerContext {
  env: Env;
  config: Config;
  services: Services;
  log: Logger;
}

/**
 * A queue consumer: the events it handles on one queue, and the effect of one event. An effect that is
 * only D1 writes should return them, so they commit in the same batch as the processed-event marker.
 */
export interface Consumer<T extends EventType = EventType> {
  name: string;
  queue: QueueName;
  handles: readonly T[];
  handle(event: EventEnvelope<T>, context: ConsumerContext): Promise<Statement[] | undefined>;
}

export function defineConsumer<T extends EventType>(consumer: Consumer<T>): Consumer<EventType> {
  return consumer as unknown as Consumer<EventType>;
}

/** Runs `effect` at most once per (consumer, event id); a redelivered event is skipped. */
export async function runOnce(
  db: Db,
  consumer: string,
  eventId: string,
  effect: () => Promise<Statement[] | undefined>,
): Promise<"done" | "skipped"> {
  const seen = await db
    .select({ eventId: processedEvents.eventId })
    .from(processedEvents)
    .where(and(eq(processedEvents.consumer, consumer), eq(processedEvents.eventId, eventId)))
    .get();
  if (seen) return "skipped";
  const statements = (await effect()) ?? [];
  // The marker's primary key makes a concurrent duplicate fail the whole batch, so the effect commits once.
  const marker = db.insert(processedEvents).values({ consumer, eventId, processedAt: Date.now() });
  await db.batch([marker, ...statements]);
  return "done";
}

/** Exponential backoff for a message's next attempt, capped at 15 minutes. */
export function retryDelaySeconds(attempts: number, baseSeconds: number): number {
  return Math.min(baseSeconds * 2 ** Math.max(0, attempts - 1), 900);
}

export type DeadLetterRecorder = (message: Message<unknown>, queue: string, reason: string) => Promise<void>;

/** Delivers each message of a batch to the consumers subscribed to its queue and type; acks or retries each alone. */
export async function consumeBatch(
  batch: MessageBatch<unknown>,
  consumers: readonly Consumer[],
  context: ConsumerContext,
  recordDeadLetter: DeadLetterRecorder,
): Promise<void> {
  const subscribed = consumers.filter((consumer) => consumer.queue === batch.queue);
  for (const message of batch.messages) {
    const parsed = parseEvent(message.body);
    if (!parsed.ok) {
      // A message that can never parse will not parse on retry either: straight to the dead letters.
      await recordDeadLetter(message, batch.queue, parsed.reason);
      message.ack();
      continue;
    }
    const event: AnyEvent = parsed.event;
    try {
      for (const consumer of subscribed.filter((c) => c.handles.includes(event.type))) {
        await runOnce(context.services.db, consumer.name, event.id, () => consumer.handle(event, context));
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
