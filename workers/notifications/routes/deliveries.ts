import { z } from "@hono/zod-openapi";
import { DELIVERY_CHANNELS, DELIVERY_STATUSES } from "../../../schema/notifications";
import { createRouter } from "../../http/router";
import { decodeCursor, jsonContent, PageQuery, problems } from "../../http/schemas";
import { securedRoute } from "../../identity";
import { idPattern } from "../../lib/ids";
import { notificationsContext } from "../context";
import { DeliveryPageSchema } from "../schemas";
import { deliveryLog } from "../service/deliveries";

const DeliveryCursor = z.object({ id: z.string().regex(idPattern("msg")) });

const list = securedRoute({
  method: "get",
  path: "/v1/admin/deliveries",
  operationId: "listDeliveries",
  role: "admin",
  tags: ["Operations"],
  summary: "The delivery log: every message handed to a channel, newest first (admin only)",
  description:
    "Filter by `userId`, `status` (queued, sent, failed: retrying, dead: retries exhausted, gone: the push " +
    "endpoint no longer exists) and `channel`; pages go back in time with `cursor` (the previous page's " +
    "`nextCursor`). `attempts` counts sends tried; `lastError` is the latest failure, kept after a later success.",
  request: {
    query: PageQuery.extend({
      userId: z.string().regex(idPattern("usr")).optional(),
      status: z.enum(DELIVERY_STATUSES).optional(),
      channel: z.enum(DELIVERY_CHANNELS).optional(),
    }),
  },
  responses: { 200: jsonContent(DeliveryPageSchema, "One page of deliveries"), ...problems(400) },
});

export const deliveryRoutes = createRouter().openapi(list, async (c) => {
  const { cursor, ...filter } = c.req.valid("query");
  const after = decodeCursor(cursor, DeliveryCursor);
  return c.json(await deliveryLog(notificationsContext(c), { ...filter, beforeId: after?.id }), 200);
});
