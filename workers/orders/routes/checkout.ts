import { createRoute } from "@hono/zod-openapi";
import { cartListings, catalogContext } from "../../catalog";
import { AppError } from "../../http/errors";
import { idempotent } from "../../http/middleware/idempotency";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, requireAuth, savedAddress } from "../../identity";
import { checkout } from "../checkout";
import { ordersContextOf } from "../context";
import { CheckoutBody, CheckoutReply, IdempotencyHeader } from "../schemas";
import { orderView } from "../views";

const checkoutRoute = createRoute({
  method: "post",
  path: "/v1/checkout",
  tags: ["Checkout"],
  summary: "Turn the cart into an order: hold its copies and start the payment",
  description:
    "Prices are today's; each seller's part ships at that seller's rate. Copies are held until `holdExpiresAt`; " +
    "pay before then (the payment's `clientSecret` is for the storefront's payment form). The order is paid when " +
    "the provider's webhook says so. Needs an `Idempotency-Key`: the same key and body replay the first answer " +
    "and never create a second order. 409 `out_of_stock` lists the lines that fell short and what is available; " +
    "nothing is held then. 422 `shipping_unavailable` names the sellers who do not ship to the address. " +
    "A cart that already waits in an unpaid order (the same books, to the same address by the same method) " +
    "answers that order (200) instead of holding the copies twice; a buyer has at most 3 unpaid orders: " +
    "409 `too_many_pending_orders`.",
  security: [{ bearerAuth: [] }],
  middleware: [requireAuth, idempotent],
  request: {
    headers: IdempotencyHeader,
    body: { content: { "application/json": { schema: CheckoutBody } }, required: true },
  },
  responses: {
    200: jsonContent(CheckoutReply, "The unpaid order this cart already waits in, and its payment"),
    201: jsonContent(CheckoutReply, "The order, pending payment, and its payment"),
    ...problems(400, 401, 404, 409, 415, 422),
  },
});

export const checkoutRoutes = createRouter().openapi(checkoutRoute, async (c) => {
  const { userId } = principalOf(c);
  const services = c.get("services");
  const body = c.req.valid("json");
  const address = body.addressId ? await savedAddress({ services }, userId, body.addressId) : body.shippingAddress;
  if (!address) throw new AppError("not_found", "No saved address with this id; GET /v1/me lists them.");
  const catalog = catalogContext(c);
  const result = await checkout(ordersContextOf(c), { buyerId: userId, address, method: body.shippingMethod }, (ids) =>
    cartListings(catalog, ids),
  );
  const { payment } = result;
  c.header("location", `/v1/orders/${result.state.order.id}`);
  return c.json(
    {
      // A new order has no shipments or refunds yet; its store names and history are those checkout just wrote.
      order: orderView(result.state, { ...result.shown, shipments: [], refunds: [] }),
      payment: { id: payment.id, provider: payment.provider, clientSecret: payment.clientSecret },
    },
    result.existing ? 200 : 201,
  );
});
