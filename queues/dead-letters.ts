import { deadLetters } from "../schema/platform";
import { newId } from "../workers/lib/ids";
import { type Db, ignoringDuplicates } from "../workers/platform/db";
import type { ConsumerContext } from "./consumer";
import { type AnyEvent, type EventType, parseEvent, type QueueName } from "./event-catalogue";

export const DEAD_LETTER_SUFFIX = "-dlq";

export function isDeadLetterQueue(queue: string): boolean {
  return queue.endsWith(DEAD_LETTER_SUFFIX);
}

/** The queue a dead-letter queue collects for: `order-events-dlq` → `order-events`. */
export function sourceQueue(queue: string): QueueName {
  return (isDeadLetterQueue(queue) ? queue.slice(0, -DEAD_LETTER_SUFFIX.length) : queue) as QueueName;
}

function eventFields(body: unknown): { eventId: string | null; eventType: string | null } {
  const record = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  return {
    eventId: typeof record.id === "string" ? record.id : null,
    eventType: typeof record.type === "string" ? record.type : null,
  };
}

/** Stores one dead letter; a redelivered one (same queue and message id) is ignored. */
export async function recordDeadLetter(
  db: Db,
  message: Message<unknown>,
  queue: string,
  reason: string,
): Promise<void> {
  const insert = db.insert(deadLetters).values({
    id: newId("dlq"),
    queue: sourceQueue(queue),
    messageId: message.id,
    ...eventFields(message.body),
    body: JSON.stringify(message.body ?? null),
    attempts: message.attempts,
    reason,
    receivedAt: Date.now(),
  });
  await ignoringDuplicates(db, insert, deadLetters.id);
}

/** What a module does when the queue gives up on one of its events (beyond the dead letter operators see). */
export interface GiveUpHandler {
  name: string;
  handles: readonly EventType[];
  handle(event: AnyEvent, context: ConsumerContext): Promise<void>;
}

/**
 * The dead-letter queues' consumer: every message is recorded for operators, the give-up handlers of its event
 * type are told, then it is acked (a handler that fails leaves it for the queue to offer again).
 */
export async function consumeDeadLetters(
  batch: MessageBatch<unknown>,
  handlers: readonly GiveUpHandler[],
  context: ConsumerContext,
): Promise<void> {
  for (const message of batch.messages) {
    await recordDeadLetter(context.services.db, message, batch.queue, "retries exhausted");
    const parsed = parseEvent(message.body);
    try {
      if (parsed.ok) {
        for (const handler of handlers) {
          if (handler.handles.includes(parsed.event.type)) await handler.handle(parsed.event, context);
        }
      }
      message.ack();
    } catch (error) {
      context.log.warn("give-up handler failed; retrying", { queue: batch.queue, error: String(error) });
      message.retry();
    }
  }
}

const SECRET_KEY = /token|secret|password|authorization/i;

/**
 * A dead letter's body as operators may see it: any field named like a secret is masked, whatever the event
 * (today's events carry none, but a v1 identity event or a future mistake might).
 */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, SECRET_KEY.test(key) ? "[redacted]" : redactSecrets(inner)]),
  );
}
