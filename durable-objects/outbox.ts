import { EVENT_CATALOG, type EventData, type EventType, type QueueName } from "../queues/event-catalogue";
import { createEvent } from "../queues/events";
import { queueSenders } from "../queues/outbox";
import { createLogger } from "../workers/lib/log";

const RELAY_BATCH = 100;
const RELAY_RETRY_MS = 5_000;
const log = createLogger({ component: "durable-outbox" });

/**
 * A Durable Object's own outbox. A DO cannot write D1 in the same transaction as its storage, so its events are
 * rows in its SQLite storage, written in the same transaction as the change, and relayed to the queues from its
 * alarm. Delivery is at least once; consumers are idempotent by event id.
 */
export class DurableOutbox {
  private readonly sql: SqlStorage;
  /** The alarm last set and not yet fired; `undefined` until this instance has set or seen one. */
  private alarmAt: number | null | undefined;
  /** The table is created with the first event, so an object that never changes keeps no storage. */
  private created: boolean;

  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly env: Env,
  ) {
    this.sql = storage.sql;
    this.created = hasTable(this.sql, "outbox");
  }

  /** Call inside the transaction of the change the event describes. */
  emit<T extends EventType>(type: T, data: EventData<T>): void {
    if (!this.created) {
      this.sql.exec(
        "CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, queue TEXT NOT NULL, envelope TEXT NOT NULL)",
      );
      this.created = true;
    }
    const event = createEvent(type, data);
    for (const queue of EVENT_CATALOG[type].queues) {
      this.sql.exec("INSERT INTO outbox (queue, envelope) VALUES (?, ?)", queue, JSON.stringify(event));
    }
  }

  hasPending(): boolean {
    return this.created && this.sql.exec("SELECT 1 FROM outbox LIMIT 1").toArray().length > 0;
  }

  /** Sends everything pending, oldest first; a row is deleted only after its queue accepted it. */
  async relay(): Promise<void> {
    if (!this.created) return;
    const senders = queueSenders(this.env);
    for (;;) {
      const rows = this.sql
        .exec<{ seq: number; queue: string; envelope: string }>(
          "SELECT * FROM outbox ORDER BY seq LIMIT ?",
          RELAY_BATCH,
        )
        .toArray();
      if (rows.length === 0) return;
      for (const queue of new Set(rows.map((row) => row.queue as QueueName))) {
        const messages = rows.filter((row) => row.queue === queue);
        await senders[queue].sendBatch(
          messages.map((row) => ({ body: JSON.parse(row.envelope), contentType: "json" })),
        );
      }
      this.sql.exec("DELETE FROM outbox WHERE seq <= ?", rows.at(-1)!.seq);
    }
  }

  /** The object's next wake-up: now while events wait to be relayed, else its own next deadline (if any). */
  wakeAt(deadline: number | null): void {
    const at = this.hasPending() ? Date.now() : deadline;
    // An alarm already due by then runs `relayFromAlarm`, which sets the next one: under a burst of changes the
    // object asks for one alarm, and that alarm relays the burst's events together.
    const due = this.alarmAt;
    if (due !== undefined && (due === at || (due !== null && at !== null && due <= at))) return;
    this.alarmAt = at;
    if (at === null) void this.storage.deleteAlarm();
    else void this.storage.setAlarm(at);
  }

  /** The alarm's relay step: send what is pending, then sleep until `deadline()`; a failed send retries soon. */
  async relayFromAlarm(deadline: () => number | null): Promise<void> {
    this.alarmAt = null;
    try {
      await this.relay();
      this.wakeAt(deadline());
    } catch (error) {
      log.warn("durable outbox relay failed; retrying", { error: String(error) });
      this.alarmAt = Date.now() + RELAY_RETRY_MS;
      await this.storage.setAlarm(this.alarmAt);
    }
  }
}

/** Whether the object's SQLite storage holds this table (reading the schema stores nothing). */
export function hasTable(sql: SqlStorage, name: string): boolean {
  return sql.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", name).toArray().length > 0;
}
