import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../http/context";
import { AppError } from "../../http/errors";
import { idempotent } from "../../http/middleware/idempotency";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { callingSeller, requireSeller } from "../../sellers";
import { ordersContextOf } from "../context";
import { IdempotencyHeader, OrderIdParam, RefundBody, RefundSchema } from "../schemas";
import { checkOrderExists, checkSellersPart, refundOrder } from "../service";

const isAdmin = (c: Parameters<typeof principalOf>[0]) => principalOf(c).roles.includes("admin");

/** Refunds are a seller's (for what they sold) or an admin's business; a buyer asks the seller. */
const requireSellerOrAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { roles } = principalOf(c);
  if (!roles.includes("admin") && !roles.includes("seller")) {
    throw new AppError("forbidden", "Refunds are issued by the seller of the lines or by an admin.");
  }
  await next();
};

/**
 * Ownership before anything about the body: an unknown order and another seller's answer the same 404, whatever
 * the body says, so the route never tells a seller which order ids exist.
 */
const requireOwnOrder: MiddlewareHandler<AppEnv> = async (c, next) => {
  const parsed = OrderIdParam.safeParse({ id: c.req.param("id") });
  // A malformed id is refused by the route's own validation; its shape says nothing about existing orders.
  if (!parsed.success) return next();
  const ctx = ordersContextOf(c);
  await checkOrderExists(ctx, parsed.data.id);
  if (isAdmin(c)) return next();
  // The seller profile is looked up once the order is known to exist: an unknown order is 404 for everyone.
  return requireSeller(c, async () => {
    await checkSellersPart(ctx, parsed.data.id, callingSeller(c).id);
    await next();
  });
};

const refund = securedRoute({
  method: "post",
  path: "/v1/orders/{id}/refunds",
  operationId: "createRefund",
  limit: "refunds",
  tags: ["Refunds"],
  summary: "Refund part or all of a paid order (the seller of the lines, or an admin)",
  description:
    "With `lines`, each line's copies are refunded at what was paid for them (the line's total after " +
    "discounts, split exactly over its copies): a copy that was free comes back for 0, recorded and restocked " +
    "without a payment refund; an `amount` above their value, for one seller's lines, refunds shipping too. " +
    "`tax` is the tax in the amount. Without lines, `sellerOrderIds` names the seller orders to refund; else a " +
    "seller refunds their part of the order and an admin the order (on an order with several sellers, an admin's " +
    "partial amount names seller orders or lines, or is sent with `goodwill: true` as a marketplace credit " +
    "charged to no seller: 422 otherwise); without `amount`, everything left there. `restock` puts the copies " +
    "back on sale. Never more than was captured minus what was refunded, nor more than is left of the seller " +
    "orders it covers: 422 `refund_exceeds_captured`. Needs an `Idempotency-Key`.",
  middleware: [requireSellerOrAdmin, requireOwnOrder, idempotent],
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
  const caller = isAdmin(c)
    ? { kind: "admin" as const, userId: principalOf(c).userId }
    : { kind: "seller" as const, sellerId: callingSeller(c).id };
  const issued = await refundOrder(
    ordersContextOf(c),
    c.req.valid("param").id,
    caller,
    c.req.valid("json"),
    c.req.header("idempotency-key")!,
  );
  return c.json(issued, 201);
});
