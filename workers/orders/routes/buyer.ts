import type { Context } from "hono";
import type { AppEnv } from "../../http/context";
import { createRouter } from "../../http/router";
import { jsonContent, PageQuery, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { ordersContextOf } from "../context";
import { CancelBody, OrderIdParam, OrderPage, OrderSchema, ReceiptSchema } from "../schemas";
import { buyerOrders, buyersOrder, cancelBuyersOrder, presentOrder, receipt } from "../service";

const tags = ["Orders"];

const list = securedRoute({
  method: "get",
  path: "/v1/orders",
  operationId: "listOrders",
  tags,
  summary: "Your orders, newest first",
  description:
    "Each order is a summary (status, totals, item count and titles); `GET /v1/orders/{id}` has the rest. Pages " +
    "with `cursor` (the previous page's `nextCursor`) and `limit` (1–100, default 20).",
  request: { query: PageQuery },
  responses: { 200: jsonContent(OrderPage, "One page of orders"), ...problems(400, 401) },
});

const read = securedRoute({
  method: "get",
  path: "/v1/orders/{id}",
  operationId: "getOrder",
  tags,
  summary: "One of your orders: seller orders, tracking, refunds and status history",
  description: "Someone else's order is 404, the same as an unknown id; admins can read any order.",
  request: { params: OrderIdParam },
  responses: { 200: jsonContent(OrderSchema, "The order"), ...problems(400, 401, 404) },
});

const receiptRoute = securedRoute({
  method: "get",
  path: "/v1/orders/{id}/receipt",
  operationId: "getOrderReceipt",
  tags,
  summary: "The receipt of a paid order",
  description:
    "What was bought from each store with each line's discounts, the VAT per rate (each store's and the order's, " +
    "which add up), the payment captured, succeeded refunds, `netPaid` and `netTax`. An unpaid order is 409 " +
    "`order_not_paid`; someone else's is 404.",
  request: { params: OrderIdParam },
  responses: { 200: jsonContent(ReceiptSchema, "The receipt"), ...problems(400, 401, 404, 409) },
});

const cancel = securedRoute({
  method: "post",
  path: "/v1/orders/{id}/cancel",
  operationId: "cancelOrder",
  tags,
  summary: "Cancel an order before any of it ships",
  description:
    "Unpaid: its held copies are released. Paid: its copies go back on sale and the payment is refunded in full " +
    "(the refund shows under `refunds`). Once a seller shipped their part it is 409 `invalid_transition`: ask " +
    "for a refund instead.",
  request: {
    params: OrderIdParam,
    body: { content: { "application/json": { schema: CancelBody } }, required: false },
  },
  responses: { 200: jsonContent(OrderSchema, "The cancelled order"), ...problems(400, 401, 404, 409) },
});

const callerOf = (c: Context<AppEnv>) => {
  const principal = principalOf(c);
  return { userId: principal.userId, admin: principal.roles.includes("admin") };
};

export const buyerOrderRoutes = createRouter()
  .openapi(list, async (c) => {
    return c.json(await buyerOrders(ordersContextOf(c), principalOf(c).userId, c.req.valid("query")), 200);
  })
  .openapi(read, async (c) => {
    const ctx = ordersContextOf(c);
    return c.json(await presentOrder(ctx, await buyersOrder(ctx, callerOf(c), c.req.valid("param").id)), 200);
  })
  .openapi(receiptRoute, async (c) => {
    const ctx = ordersContextOf(c);
    return c.json(await receipt(ctx, await buyersOrder(ctx, callerOf(c), c.req.valid("param").id)), 200);
  })
  .openapi(cancel, async (c) => {
    const note = c.req.valid("json")?.reason;
    return c.json(await cancelBuyersOrder(ordersContextOf(c), callerOf(c), c.req.valid("param").id, note), 200);
  });
