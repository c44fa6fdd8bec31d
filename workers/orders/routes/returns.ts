import { idempotent } from "../../http/middleware/idempotency";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { ordersContextOf } from "../context";
import { ordersReturns, requestReturn } from "../returns/requests";
import { OrderReturnParams, ReturnList, ReturnRequestBody, ReturnSchema, ReturnTrackingBody } from "../returns/schemas";
import { addReturnTracking } from "../returns/steps";
import { IdempotencyHeader, OrderIdParam } from "../schemas";

const tags = ["Returns"];

const request = securedRoute({
  method: "post",
  path: "/v1/orders/{id}/returns",
  operationId: "requestReturn",
  tags,
  summary: "Ask to send copies of a delivered order back for a refund",
  description:
    "Within the seller's return window after delivery. One return covers lines of one seller: lines of two " +
    "sellers are 422 `return_spans_sellers` (ask once per seller). Not delivered yet: 409 `not_delivered`; the " +
    "window is over: 422 `return_window_closed`; more copies than bought less those refunded and those in other " +
    "open returns: 422 `return_quantity_exceeded`. The seller answers within 3 days, else an admin does. Needs an " +
    "`Idempotency-Key`: a retried request makes one return. Someone else's order is 404.",
  middleware: [idempotent],
  request: {
    headers: IdempotencyHeader,
    params: OrderIdParam,
    body: { content: { "application/json": { schema: ReturnRequestBody } }, required: true },
  },
  responses: {
    201: jsonContent(ReturnSchema, "The return, requested"),
    ...problems(400, 401, 404, 409, 415, 422),
  },
});

const list = securedRoute({
  method: "get",
  path: "/v1/orders/{id}/returns",
  operationId: "listOrderReturns",
  tags,
  summary: "The returns of one of your orders, with their lines, status and history",
  description: "Oldest first. Someone else's order is 404, the same as an unknown id.",
  request: { params: OrderIdParam },
  responses: { 200: jsonContent(ReturnList, "The order's returns"), ...problems(400, 401, 404) },
});

const tracking = securedRoute({
  method: "post",
  path: "/v1/orders/{id}/returns/{returnId}/tracking",
  operationId: "addReturnTracking",
  tags,
  summary: "Say how you sent an approved return back",
  description:
    "The return becomes `in_transit`; the seller is told. Only an approved return takes tracking (409 " +
    "`invalid_transition` otherwise); someone else's return is 404.",
  request: {
    params: OrderReturnParams,
    body: { content: { "application/json": { schema: ReturnTrackingBody } }, required: true },
  },
  responses: {
    200: jsonContent(ReturnSchema, "The return, in transit"),
    ...problems(400, 401, 404, 409, 415),
  },
});

export const returnRoutes = createRouter()
  .openapi(request, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await requestReturn(ordersContextOf(c), principalOf(c).userId, id, c.req.valid("json")), 201);
  })
  .openapi(list, async (c) => {
    const items = await ordersReturns(ordersContextOf(c), principalOf(c).userId, c.req.valid("param").id);
    return c.json({ items }, 200);
  })
  .openapi(tracking, async (c) => {
    const { id, returnId } = c.req.valid("param");
    const ctx = ordersContextOf(c);
    return c.json(await addReturnTracking(ctx, principalOf(c).userId, id, returnId, c.req.valid("json")), 200);
  });
