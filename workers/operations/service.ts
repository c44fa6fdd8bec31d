import { z } from "@hono/zod-openapi";
import { PROCESSED_EVENT_RETENTION_MS } from "../../queues/consumer";
import { redactSecrets } from "../../queues/dead-letters";
import { QUEUE_NAMES, type QueueName } from "../../queues/event-catalogue";
import { AppError } from "../http/errors";
import { decodeCursor, encodeCursor } from "../http/schemas";
import { type AuditActor, actedBy, auditEntry, auditTarget } from "../identity";
import { atomically } from "../platform/db";
import type { OperationsContext } from "./context";
import type { DeadLetter } from "./schemas";
import { type DeadLetterRow, deadLetterById, listDeadLetters, markReplayed } from "./store";

/** Dead letters as operators see them (secrets redacted) and their replay to the queue they came from. */

const Cursor = z.object({ receivedAt: z.number().int(), id: z.string() });
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function present(row: DeadLetterRow): DeadLetter {
  return {
    ...row,
    body: redactSecrets(JSON.parse(row.body)),
    receivedAt: new Date(row.receivedAt).toISOString(),
    replayedAt: iso(row.replayedAt),
  };
}

export async function deadLetterPage(ctx: OperationsContext, page: { limit: number; cursor?: string }) {
  const { limit, cursor } = page;
  const rows = await listDeadLetters(ctx.services.db, limit, decodeCursor(cursor, Cursor));
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ receivedAt: last.receivedAt, id: last.id }) : null;
  return { items: shown.map(present), nextCursor };
}

/** Re-sends a dead letter, then marks it replayed with an audit entry of who did it (one batch). */
export async function replayDeadLetter(ctx: OperationsContext, admin: AuditActor, id: string): Promise<DeadLetter> {
  const { db } = ctx.services;
  const row = await deadLetterById(db, id);
  if (!row) throw new AppError("not_found", "No such dead letter.");
  if (!QUEUE_NAMES.includes(row.queue as QueueName)) {
    throw new AppError("unprocessable", `Queue ${row.queue} no longer exists.`);
  }
  // Past the markers' retention, consumers that already handled the event could not tell and would repeat it.
  if (row.receivedAt < Date.now() - PROCESSED_EVENT_RETENTION_MS) {
    throw new AppError("unprocessable", "This dead letter is older than 30 days and can no longer be replayed safely.");
  }
  await ctx.queues[row.queue as QueueName].send(JSON.parse(row.body), { contentType: "json" });
  const now = Date.now();
  const replayState = (replayedAt: number | null, replayCount: number) => ({
    replayedAt: iso(replayedAt),
    replayCount,
  });
  await atomically(db, [
    markReplayed(db, row, now),
    auditEntry(
      ctx,
      "dead_letter_replayed",
      {
        ...actedBy(admin),
        target: auditTarget("dead_letter", row.id),
        detail: { queue: row.queue, eventId: row.eventId },
        before: replayState(row.replayedAt, row.replayCount),
        after: replayState(now, row.replayCount + 1),
      },
      now,
    ),
  ]);
  ctx.log.info("dead letter replayed", { deadLetterId: row.id, queue: row.queue, eventId: row.eventId });
  return present((await deadLetterById(db, row.id))!);
}
