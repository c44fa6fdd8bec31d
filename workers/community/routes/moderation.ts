import { z } from "@hono/zod-openapi";
import { createRouter } from "../../http/router";
import { decodeCursor, encodeCursor, jsonContent, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { idPattern } from "../../lib/ids";
import { communityContext } from "../context";
import { DecisionBody, ModerationItemSchema, ModerationQueueQuery } from "../schemas";
import { decide, moderationQueuePage } from "../service/moderation";

const QueueCursor = z.object({ time: z.number().int().nonnegative(), id: z.string().regex(idPattern("mod")) });

const queueRoute = securedRoute({
  method: "get",
  path: "/v1/admin/moderation",
  operationId: "listModerationQueue",
  role: "admin",
  tags: ["Admin"],
  summary: "The moderation queue: held or hidden posts, the longest waiting first (admin only)",
  description:
    "`status=pending` lists posts the content filter held, `status=hidden` posts hidden after readers' " +
    "reports. Each item shows the post as plain text, its author, what the filter found and the reports' " +
    "reasons. Pages follow with `cursor` (the previous page's `nextCursor`).",
  request: { query: ModerationQueueQuery },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(ModerationItemSchema), nextCursor: z.string().nullable() }),
      "One page of the queue",
    ),
    ...problems(400),
  },
});

const decisionRoute = securedRoute({
  method: "post",
  path: "/v1/admin/moderation/{id}/decision",
  operationId: "decideModerationItem",
  role: "admin",
  tags: ["Admin"],
  summary: "Approve or remove a held or hidden post (admin only)",
  description:
    "`approve` publishes the post again (a review counts in the book's rating again), `remove` takes it out " +
    "for good. The author is told by mail with your note, and the decision is in the audit log. An item " +
    "already decided is 409 `already_decided`.",
  request: {
    params: z.object({ id: z.string().regex(idPattern("mod"), "a moderation item id") }),
    body: { content: { "application/json": { schema: DecisionBody } }, required: true },
  },
  responses: {
    200: jsonContent(ModerationItemSchema, "The item as decided"),
    ...problems(400, 404, 409, 415, 422),
  },
});

export const moderationRoutes = createRouter()
  .openapi(queueRoute, async (c) => {
    const { status, limit, cursor } = c.req.valid("query");
    const after = decodeCursor(cursor, QueueCursor);
    const page = await moderationQueuePage(communityContext(c), { status, limit, after });
    return c.json({ items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null }, 200);
  })
  .openapi(decisionRoute, async (c) => {
    const item = await decide(communityContext(c), principalOf(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json(item, 200);
  });
