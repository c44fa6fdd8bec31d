import { createRoute, z } from "@hono/zod-openapi";
import { AppError } from "../http/errors";
import { createRouter } from "../http/router";
import { problems } from "../http/schemas";
import { mailboxFor } from "./store";

const MailSchema = z
  .object({
    id: z.string(),
    to: z.string(),
    from: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string().nullable(),
    template: z.string(),
    sentAt: z.string(),
  })
  .openapi("DevMail");

const mailbox = createRoute({
  method: "get",
  path: "/v1/dev/mailbox",
  tags: ["Development"],
  summary: "Mail kept by the development mailbox (only while that adapter is active)",
  request: { query: z.object({ to: z.email(), limit: z.coerce.number().int().min(1).max(100).default(20) }) },
  responses: {
    200: {
      description: "Newest first",
      content: { "application/json": { schema: z.object({ items: z.array(MailSchema) }) } },
    },
    ...problems(400, 404),
  },
});

export const notificationRoutes = createRouter().openapi(mailbox, async (c) => {
  if (c.get("config").MAIL_ADAPTER !== "dev-mailbox") throw new AppError("not_found", "The dev mailbox is not active.");
  const { to, limit } = c.req.valid("query");
  const rows = await mailboxFor(c.get("services").db, to.trim().toLowerCase(), limit);
  return c.json({ items: rows.map((row) => ({ ...row, sentAt: new Date(row.sentAt).toISOString() })) }, 200);
});
