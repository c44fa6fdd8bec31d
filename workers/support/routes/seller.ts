import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { callingSeller, requireSeller } from "../../sellers";
import { supportContextOf } from "../context";
import { NoteBody, TicketIdParam, TicketSchema } from "../schemas";
import { resolveBySeller } from "../service";
import { tags } from "./audiences";
import { ticketView } from "./views";

const resolve = securedRoute({
  method: "post",
  path: "/v1/seller/support/tickets/{id}/resolve",
  operationId: "resolveSellerSupportTicket",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Mark a ticket about your seller order resolved",
  description:
    "With an optional `note`; the buyer can then rate the help and close it. An escalated ticket is support's to " +
    "resolve, and a resolved or closed one cannot be: 409 `invalid_transition`. Another seller's ticket is 404.",
  request: {
    params: TicketIdParam,
    body: { content: { "application/json": { schema: NoteBody } }, required: false },
  },
  responses: { 200: jsonContent(TicketSchema, "The ticket, resolved"), ...problems(400, 404, 409, 415) },
});

export const sellerTicketRoutes = createRouter().openapi(resolve, async (c) => {
  const caller = { kind: "seller" as const, userId: principalOf(c).userId, sellerId: callingSeller(c).id };
  const note = c.req.valid("json")?.note ?? null;
  return c.json(ticketView(await resolveBySeller(supportContextOf(c), caller, c.req.valid("param").id, note)), 200);
});
