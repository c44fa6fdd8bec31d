import { createRouter } from "../../http/router";
import { jsonContent } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { liveContext } from "../context";
import { LiveTicketSchema } from "../schemas";
import { issueTicket } from "../service/tickets";

const createTicket = securedRoute({
  method: "post",
  path: "/v1/me/live-ticket",
  operationId: "createLiveTicket",
  tags: ["Live"],
  summary: "A ticket to open your live channel",
  description:
    "A WebSocket cannot carry an `Authorization` header, and an access token never goes in a URL: this short-lived " +
    "(`LIVE_TICKET_SECONDS`, 30 s by default), single-use ticket does instead. Open `url` (`GET /v1/me/live`) " +
    "before `expiresAt`; a new connection takes a new ticket.",
  responses: { 201: jsonContent(LiveTicketSchema, "The ticket and the WebSocket URL that uses it") },
});

export const ticketRoutes = createRouter().openapi(createTicket, async (c) => {
  const origin = c.get("config").PUBLIC_BASE_URL;
  return c.json(await issueTicket(liveContext(c), principalOf(c).userId, origin), 201);
});
