import { createRoute, z } from "@hono/zod-openapi";
import { PROCESSED_EVENT_RETENTION_MS } from "../../queues/consumer";
import { redactSecrets } from "../../queues/dead-letters";
import { QUEUE_NAMES, type QueueName } from "../../queues/event-catalogue";
import { queueSenders } from "../../queues/outbox";
import { AppError } from "../http/errors";
import { createRouter } from "../http/router";
import { decodeCursor, encodeCursor, PageQuery, problems } from "../http/schemas";
import { requireAuth, requireRole } from "../identity";
import { deadLetterById, listDeadLetters, markReplayed } from "./store";

const DeadLetterSchema = z
  .object({
    id: z.string(),
    queue: z.string(),
    messageId: z.string(),
    eventId: z.string().nullable(),
    eventType: z.string().nullable(),
    body: z.unknown(),
    attempts: z.number().int(),
    reason: z.string(),
    receivedAt: z.string(),
    replayedAt: z.string().nullable(),
    replayCount: z.number().int(),
  })
  .openapi("DeadLetter");

const Cursor = z.object({ receivedAt: z.number().int(), id: z.string() });
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const security = [{ bearerAuth: [] }];

const list = createRoute({
  method: "get",
  path: "/v1/admin/dead-letters",
  tags: ["Operations"],
  summary: "Messages that exhausted their retries, newest first",
  description: "Fields named like secrets (tokens, passwords) show as `[redacted]`.",
  security,
  middleware: [requireAuth, requireRole("admin")] as const,
  request: { query: PageQuery },
  responses: {
    200: {
      description: "A page of dead letters",
      content: {
        "application/json": {
          schema: z.object({ items: z.array(DeadLetterSchema), nextCursor: z.string().nullable() }),
        },
      },
    },
    ...problems(400, 401, 403),
  },
});

const replay = createRoute({
  method: "post",
  path: "/v1/admin/dead-letters/{id}/replay",
  tags: ["Operations"],
  summary: "Send a dead letter back to its queue; consumers that already handled it skip it",
  description: "A dead letter older than 30 days (the processed-event markers' retention) cannot be replayed.",
  security,
  middleware: [requireAuth, requireRole("admin")] as const,
  request: { params: z.object({ id: z.string().regex(/^dlq_[0-9a-f]{32}$/) }) },
  responses: {
    202: { description: "Re-sent", content: { "application/json": { schema: DeadLetterSchema } } },
    ...problems(400, 401, 403, 404, 422),
  },
});

function present(row: Awaited<ReturnType<typeof deadLetterById>> & object) {
  return {
    ...row,
    body: redactSecrets(JSON.parse(row.body)),
    receivedAt: new Date(row.receivedAt).toISOString(),
    replayedAt: iso(row.replayedAt),
  };
}

export const operationsRoutes = createRouter()
  .openapi(list, async (c) => {
    const { limit, cursor } = c.req.valid("query");
    const rows = await listDeadLetters(c.get("services").db, limit, decodeCursor(cursor, Cursor));
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const nextCursor = rows.length > limit && last ? encodeCursor({ receivedAt: last.receivedAt, id: last.id }) : null;
    return c.json({ items: page.map(present), nextCursor }, 200);
  })
  .openapi(replay, async (c) => {
    const { db } = c.get("services");
    const row = await deadLetterById(db, c.req.valid("param").id);
    if (!row) throw new AppError("not_found", "No such dead letter.");
    if (!QUEUE_NAMES.includes(row.queue as QueueName)) {
      throw new AppError("unprocessable", `Queue ${row.queue} no longer exists.`);
    }
    // Past the markers' retention, consumers that already handled the event could not tell and would repeat it.
    if (row.receivedAt < Date.now() - PROCESSED_EVENT_RETENTION_MS) {
      throw new AppError(
        "unprocessable",
        "This dead letter is older than 30 days and can no longer be replayed safely.",
      );
    }
    await queueSenders(c.env)[row.queue as QueueName].send(JSON.parse(row.body), { contentType: "json" });
    await markReplayed(db, row);
    c.get("log").info("dead letter replayed", { deadLetterId: row.id, queue: row.queue, eventId: row.eventId });
    return c.json(present((await deadLetterById(db, row.id))!), 202);
  });
