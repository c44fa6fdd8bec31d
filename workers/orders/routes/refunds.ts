import { createRoute } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../http/context";
import { AppError } from "../../http/errors";
import { idempotent } from "../../http/middleware/idempotency";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, requireAuth } from "../../identity";
import { ordersContextOf } from "../context";
import { type RefundCaller, requestRefund } from "../refund-requests";
import { IdempotencyHeader, OrderIdParam, RefundBody, RefundSchema } from "../schemas";
import * as store from "../store";
import { refundView } from "../views";
import { bearer, callerSellerId, requireSellerOrAdmin } from "./context";

/**
 * Ownership before anything about the body: an unknown order and another seller's answer the same 404, whatever
 * the body says, so the route never tells a seller which order ids exist.
 */
const requireOwnOrder: MiddlewareHandler<AppEnv> = async (c, next) => {
  const parsed = OrderIdParam.safeParse({ id: c.req.param("id") });
  // A malformed id is refused by the route's own validation; its shape says nothing about existing orders.
  if (!parsed.success) return next();
  const services = c.get("services");
  const order = await store.orderById(services.db, parsed.data.id);
  if (!order) throw new AppError("not_found", "No such order.");
  if (!principalOf(c).roles.includes("admin")) {
    const sellerId = await callerSellerId(c);
    const parts = await store.sellerOrdersOf(services.db, order.id);
    if (!parts.some((part) => part.sellerId === sellerId)) throw new AppError("not_found", "No such order.");
  }
  await next();
};

const refund = createRoute({
  method: "post",
  path: "/v1/orders/{id}/refunds",
  tags: ["Refunds"],
  summary: "Refund part or all of a paid order (the seller of the lines, or an admin)",
  description:
    "With `lines`, each line's copies are refunded at their price (an `amount` above that, for one seller's " +
    "lines, refunds shipping too). Without lines, `sellerOrderIds` names the seller orders to refund; else a " +
    "seller refunds their part of the order and an admin the order (on an order with several sellers, an admin's " +
    "partial amount names seller orders or lines, or is sent with `goodwill: true` as a marketplace credit " +
    "charged to no seller: 422 otherwise); without `amount`, everything left there. `restock` puts the copies " +
    "back on sale. Never more than was captured minus what was refunded, nor more than is left of the seller " +
    "orders it covers: 422 `refund_exceeds_captured`. Needs an `Idempotency-Key`.",
  security: bearer,
  middleware: [requireAuth, requireSellerOrAdmin, requireOwnOrder, idempotent],
  request: {
    headers: IdempotencyHeader,
    params: OrderIdParam,
    body: { content: { "application/json": { schema: RefundBody } }, required: true },
  },
  responses: {
    201: jsonContent(RefundSchema, "The refund"),
    ...problems(400, 401, 403, 404, 409, 415, 422),
  },
});

export const refundRoutes = createRouter().openapi(refund, async (c) => {
  const principal = principalOf(c);
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const order = await store.orderById(c.get("services").db, id);
  if (body.amount && order && body.amount.currency !== order.currency) {
    throw new AppError("unsupported_currency", `This order is in ${order.currency}.`);
  }
  const caller: RefundCaller = principal.roles.includes("admin")
    ? { kind: "admin", userId: principal.userId }
    : { kind: "seller", sellerId: await callerSellerId(c) };
  const issued = await requestRefund(
    ordersContextOf(c),
    id,
    caller,
    { ...body, amount: body.amount?.amount },
    c.req.header("idempotency-key")!,
  );
  return c.json(refundView(issued), 201);
});
