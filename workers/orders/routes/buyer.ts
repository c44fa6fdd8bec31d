import { createRoute } from "@hono/zod-openapi";
import { createRouter } from "../../http/router";
import { jsonContent, PageQuery, problems } from "../../http/schemas";
import { principalOf, requireAuth } from "../../identity";
import { cancelOrder } from "../cancel";
import { ordersContextOf } from "../context";
import { CancelBody, OrderIdParam, OrderPage, OrderSchema, ReceiptSchema } from "../schemas";
import { buyerOrders, buyersOrder, presentOrder, receipt } from "../service";
import { loadOrder } from "../transitions";
import { bearer } from "./context";

const tags = ["Orders"];

const list = createRoute({
  method: "get",
  path: "/v1/orders",
  tags,
  summary: "Your orders, newest first",
  security: bearer,
  middleware: [requireAuth],
  request: { query: PageQuery },
  responses: { 200: jsonContent(OrderPage, "One page of orders"), ...problems(400, 401) },
});

const read = createRoute({
  method: "get",
  path: "/v1/orders/{id}",
  tags,
  summary: "One of your orders: seller orders, tracking, refunds and status history",
  security: bearer,
  middleware: [requireAuth],
  request: { params: OrderIdParam },
  responses: { 200: jsonContent(OrderSchema, "The order"), ...problems(400, 401, 404) },
});

const receiptRoute = createRoute({
  method: "get",
  path: "/v1/orders/{id}/receipt",
  tags,
  summary: "The receipt of a paid order",
  security: bearer,
  middleware: [requireAuth],
  request: { params: OrderIdParam },
  responses: { 200: jsonContent(ReceiptSchema, "The receipt"), ...problems(400, 401, 404, 409) },
});

const cancel = createRoute({
  method: "post",
  path: "/v1/orders/{id}/cancel",
  tags,
  summary: "Cancel an order before any of it ships",
  description:
    "Unpaid: its held copies are released. Paid: its copies go back on sale and the payment is refunded in full " +
    "(the refund shows under `refunds`). Once a seller shipped their part it is 409 `invalid_transition`: ask " +
    "for a refund instead.",
  security: bearer,
  middleware: [requireAuth],
  request: {
    params: OrderIdParam,
    body: { content: { "application/json": { schema: CancelBody } }, required: false },
  },
  responses: { 200: jsonContent(OrderSchema, "The cancelled order"), ...problems(400, 401, 404, 409) },
});

const callerOf = (c: Parameters<typeof principalOf>[0]) => {
  const principal = principalOf(c);
  return { userId: principal.userId, admin: principal.roles.includes("admin") };
};

export const buyerOrderRoutes = createRouter()
  .openapi(list, async (c) => {
    return c.json(await buyerOrders(c.get("services"), principalOf(c).userId, c.req.valid("query")), 200);
  })
  .openapi(read, async (c) => {
    const services = c.get("services");
    const state = await buyersOrder(services, callerOf(c), c.req.valid("param").id);
    return c.json(await presentOrder(services, state), 200);
  })
  .openapi(receiptRoute, async (c) => {
    const services = c.get("services");
    const state = await buyersOrder(services, callerOf(c), c.req.valid("param").id);
    return c.json(await receipt(services, state), 200);
  })
  .openapi(cancel, async (c) => {
    const services = c.get("services");
    const caller = callerOf(c);
    const { id } = c.req.valid("param");
    const state = await buyersOrder(services, caller, id);
    const note = c.req.valid("json")?.reason;
    const byBuyer = state.order.buyerId === caller.userId;
    await cancelOrder(ordersContextOf(c), id, {
      actor: byBuyer ? `buyer:${caller.userId}` : `admin:${caller.userId}`,
      reason: byBuyer ? "buyer_requested" : "admin_cancelled",
      note,
    });
    return c.json(await presentOrder(services, (await loadOrder(services.db, id))!), 200);
  });
