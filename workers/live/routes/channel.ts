import { z } from "@hono/zod-openapi";
import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { problems } from "../../http/schemas";
import { liveContext } from "../context";
import { LiveChannelQuery } from "../schemas";
import { openChannel } from "../service/tickets";

const openLiveChannel = publicRoute({
  method: "get",
  path: "/v1/me/live",
  operationId: "openLiveChannel",
  tags: ["Live"],
  summary: "Your live channel: a WebSocket of what happens to your orders and listings",
  description:
    "Authenticated by a ticket from `POST /v1/me/live-ticket`, used up by this request. Every message is JSON " +
    '`{"id": "<n>", "type": "…", "at": "<ISO time>", "data": {…}}` with `id` counting up per user: `order_status` ' +
    "`{orderId, sellerOrderId, from, to}`, for sellers `seller_order` `{orderId, sellerOrderId, total, itemCount}` " +
    "and `listing` `{listingId, price?, available?, status?, stockVersion?}`, and `notification` (a new feed item). " +
    "After the missed messages (see `after`) comes `ready` `{replayed, complete}`: `complete` false means more " +
    "was missed than the channel keeps (the newest 200 messages, none older than 24 hours), so reload what you " +
    'show. On an open socket, `{"type":"resume","after":"<id>"}` asks for the messages after an id again and ' +
    '`{"type":"ping"}` is answered `{"type":"pong"}`. Many sockets (tabs) per user are fine. A socket closed with ' +
    "code 4001 belongs to a deleted account.",
  request: {
    query: LiveChannelQuery,
    headers: z.object({
      upgrade: z.string().max(32).optional().openapi({ description: "Must be `websocket`", example: "websocket" }),
    }),
  },
  responses: {
    101: { description: "Switching Protocols: the WebSocket is open, and the messages you missed come first" },
    ...problems(400, 401, 426),
  },
});

export const channelRoutes = createRouter().openapi(openLiveChannel, async (c) => {
  const { ticket, after } = c.req.valid("query");
  return openChannel(liveContext(c), { upgrade: c.req.valid("header").upgrade, ticket, after });
});
