import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { securedRoute } from "../../identity";
import { supportContextOf } from "../context";
import { conversation, ticketsOf } from "../reading";
import { ConversationSchema, MessageBody, MessageSchema, TicketIdParam, TicketPage, TicketsQuery } from "../schemas";
import { postMessage } from "../service";
import { type Audience, tags } from "./audiences";
import { conversationView, messageView, ticketView } from "./views";

/** Listing, reading and answering tickets, the same for each audience under its own path and role. */
export function conversationRoutes(audience: Audience) {
  const { prefix, operation, role, middleware, whose } = audience;

  const list = securedRoute({
    method: "get",
    path: `${prefix}/tickets`,
    operationId: `list${operation}SupportTickets`,
    role,
    middleware,
    tags,
    summary: `Support tickets, newest first: ${whose}`,
    description:
      "Optionally in one `status`; pages with `cursor` (the previous page's `nextCursor`) and `limit` (1–100).",
    request: { query: TicketsQuery },
    responses: { 200: jsonContent(TicketPage, "One page of tickets"), ...problems(400) },
  });

  const read = securedRoute({
    method: "get",
    path: `${prefix}/tickets/{id}`,
    operationId: `get${operation}SupportTicket`,
    role,
    middleware,
    tags,
    summary: "A ticket with its messages and attachments",
    description:
      `One of ${whose}. Attachments not yet sent with a message are shown to their uploader only.` +
      (audience.operation === "Admin"
        ? " With `history`: every status change and admin action, with its request id."
        : ""),
    request: { params: TicketIdParam },
    responses: { 200: jsonContent(ConversationSchema, "The ticket and its conversation"), ...problems(400, 404) },
  });

  const answer = securedRoute({
    method: "post",
    path: `${prefix}/tickets/{id}/messages`,
    operationId: `post${operation}SupportMessage`,
    limit: "tickets",
    role,
    middleware,
    tags,
    summary: "Write in a ticket; the other side is told",
    description:
      "The ticket then waits for the other side (an escalated ticket stays with support). `attachmentIds` sends " +
      "files uploaded to this ticket beforehand: only your own, not sent yet (else 422 `unknown_attachment`). A " +
      "resolved or closed ticket takes no messages (409 `invalid_transition`).",
    request: {
      params: TicketIdParam,
      body: { content: { "application/json": { schema: MessageBody } }, required: true },
    },
    responses: { 201: jsonContent(MessageSchema, "The message"), ...problems(400, 404, 409, 415, 422) },
  });

  return createRouter()
    .openapi(list, async (c) => {
      const page = await ticketsOf(supportContextOf(c), audience.callerOf(c), c.req.valid("query"));
      return c.json({ items: page.tickets.map(ticketView), nextCursor: page.nextCursor }, 200);
    })
    .openapi(read, async (c) => {
      const found = await conversation(supportContextOf(c), audience.callerOf(c), c.req.valid("param").id);
      return c.json(conversationView(found), 200);
    })
    .openapi(answer, async (c) => {
      const body = c.req.valid("json");
      const message = await postMessage(supportContextOf(c), audience.callerOf(c), c.req.valid("param").id, body);
      return c.json(messageView(message, [...new Set(body.attachmentIds ?? [])]), 201);
    });
}
