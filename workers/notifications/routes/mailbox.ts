import { z } from "@hono/zod-openapi";
import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { problems } from "../../http/schemas";
import { notificationsContext } from "../context";
import { DevMailSchema, MailboxQuery } from "../schemas";
import { devMailbox } from "../service/mailbox";

const mailbox = publicRoute({
  method: "get",
  path: "/v1/dev/mailbox",
  operationId: "listDevMailbox",
  tags: ["Development"],
  summary: "Mail kept by the development mailbox (only while that adapter is active)",
  description:
    "Up to `limit` (1–100, default 20) mails sent to the address `to`. Answers 404 unless the `dev-mailbox` mail " +
    "adapter is configured.",
  request: { query: MailboxQuery },
  responses: {
    200: {
      description: "Newest first",
      content: { "application/json": { schema: z.object({ items: z.array(DevMailSchema) }) } },
    },
    ...problems(400, 404),
  },
});

export const mailboxRoutes = createRouter().openapi(mailbox, async (c) => {
  const { to, limit } = c.req.valid("query");
  return c.json({ items: await devMailbox(notificationsContext(c), to, limit) }, 200);
});
