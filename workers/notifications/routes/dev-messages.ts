import { z } from "@hono/zod-openapi";
import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { problems } from "../../http/schemas";
import { notificationsContext } from "../context";
import { DevMessageSchema, DevMessagesQuery } from "../schemas";
import { devMessages } from "../service/dev-messages";

const messages = publicRoute({
  method: "get",
  path: "/v1/dev/messages",
  operationId: "listDevMessages",
  tags: ["Development"],
  summary: "SMS and push messages kept by the development adapters (only while that adapter is active)",
  description:
    "Up to `limit` (1–100, default 20) messages of `channel`: for `sms`, texts to the number `to` (E.164); for " +
    "`push`, payloads for the subscription id `to` (`psb_…`). Answers 404 unless that channel's `dev-log` adapter " +
    "is configured.",
  request: { query: DevMessagesQuery },
  responses: {
    200: {
      description: "Newest first",
      content: { "application/json": { schema: z.object({ items: z.array(DevMessageSchema) }) } },
    },
    ...problems(400, 404),
  },
});

export const devMessageRoutes = createRouter().openapi(messages, async (c) => {
  const { channel, to, limit } = c.req.valid("query");
  return c.json({ items: await devMessages(notificationsContext(c), channel, to, limit) }, 200);
});
