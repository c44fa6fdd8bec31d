import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { supportContextOf } from "../context";
import { FeedbackBody, NoteBody, OpenTicketBody, TicketIdParam, TicketSchema } from "../schemas";
import { closeTicket, escalateTicket, openTicket, rateTicket } from "../service";
import { tags } from "./audiences";
import { ticketView } from "./views";

const json = <T>(schema: T, required = true) => ({ content: { "application/json": { schema } }, required });

const open = securedRoute({
  method: "post",
  path: "/v1/support/tickets",
  operationId: "openSupportTicket",
  limit: "tickets",
  tags,
  summary: "Open a support ticket",
  description:
    "About one of your seller orders (`sellerOrderId`), an `order_issue`, `return` or `cover_customisation` ticket " +
    "goes to its seller, who has 48 hours (SUPPORT_SELLER_REPLY_HOURS) to answer before the ticket escalates to " +
    "the marketplace's support; every other ticket goes to support. An `order_issue` must name its seller order " +
    "(422 `seller_order_required`); someone else's seller order is 404.",
  request: { body: json(OpenTicketBody) },
  responses: { 201: jsonContent(TicketSchema, "The ticket"), ...problems(400, 404, 415, 422) },
});

const escalate = securedRoute({
  method: "post",
  path: "/v1/support/tickets/{id}/escalate",
  operationId: "escalateSupportTicket",
  tags,
  summary: "Take a dispute to the marketplace's support",
  description: "With an optional `note`. A ticket already escalated, resolved or closed is 409 `invalid_transition`.",
  request: { params: TicketIdParam, body: json(NoteBody, false) },
  responses: { 200: jsonContent(TicketSchema, "The ticket, escalated"), ...problems(400, 404, 409, 415) },
});

const close = securedRoute({
  method: "post",
  path: "/v1/support/tickets/{id}/close",
  operationId: "closeSupportTicket",
  tags,
  summary: "Close a resolved ticket",
  description: "Only once it was resolved (409 `ticket_not_resolved`); a closed ticket is 409 `invalid_transition`.",
  request: { params: TicketIdParam },
  responses: { 200: jsonContent(TicketSchema, "The ticket, closed"), ...problems(400, 404, 409) },
});

const feedback = securedRoute({
  method: "post",
  path: "/v1/support/tickets/{id}/feedback",
  operationId: "rateSupportTicket",
  tags,
  summary: "Rate the help you got (1–5, with an optional comment)",
  description:
    "Once the ticket is resolved or closed (409 `ticket_not_resolved` before), and once only (409 `feedback_given`).",
  request: { params: TicketIdParam, body: json(FeedbackBody) },
  responses: { 200: jsonContent(TicketSchema, "The ticket, rated"), ...problems(400, 404, 409, 415) },
});

/** What only the buyer does with their tickets: open, escalate, close, rate. */
export const buyerTicketRoutes = createRouter()
  .openapi(open, async (c) => {
    const ticket = await openTicket(supportContextOf(c), principalOf(c).userId, c.req.valid("json"));
    return c.json(ticketView(ticket), 201);
  })
  .openapi(escalate, async (c) => {
    const note = c.req.valid("json")?.note ?? null;
    const ticket = await escalateTicket(supportContextOf(c), principalOf(c).userId, c.req.valid("param").id, note);
    return c.json(ticketView(ticket), 200);
  })
  .openapi(close, async (c) => {
    const ticket = await closeTicket(supportContextOf(c), principalOf(c).userId, c.req.valid("param").id);
    return c.json(ticketView(ticket), 200);
  })
  .openapi(feedback, async (c) => {
    const { id } = c.req.valid("param");
    const ticket = await rateTicket(supportContextOf(c), principalOf(c).userId, id, c.req.valid("json"));
    return c.json(ticketView(ticket), 200);
  });
