import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { supportContextOf } from "../context";
import { TicketIdParam, TicketSchema, TicketStatusBody } from "../schemas";
import { setTicketStatus } from "../service";
import { tags } from "./audiences";
import { ticketView } from "./views";

const move = securedRoute({
  method: "post",
  path: "/v1/admin/support/tickets/{id}/status",
  operationId: "setSupportTicketStatus",
  role: "admin",
  tags,
  summary: "Escalate, resolve or close a ticket",
  description:
    "With an optional `note`; recorded in the ticket's history with your id and the request id. A move the " +
    "ticket's state does not allow (a closed ticket, say) is 409 `invalid_transition`.",
  request: {
    params: TicketIdParam,
    body: { content: { "application/json": { schema: TicketStatusBody } }, required: true },
  },
  responses: { 200: jsonContent(TicketSchema, "The ticket, moved"), ...problems(400, 404, 409, 415) },
});

export const adminTicketRoutes = createRouter().openapi(move, async (c) => {
  const ticket = await setTicketStatus(
    supportContextOf(c),
    principalOf(c).userId,
    c.req.valid("param").id,
    c.req.valid("json"),
  );
  return c.json(ticketView(ticket), 200);
});
