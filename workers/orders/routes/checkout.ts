import { cartListings, catalogContext } from "../../catalog";
import { idempotent } from "../../http/middleware/idempotency";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { ordersContextOf } from "../context";
import { CheckoutBody, CheckoutReply, IdempotencyHeader } from "../schemas";
import { placeOrder } from "../service";

const checkoutRoute = securedRoute({
  method: "post",
  path: "/v1/checkout",
  operationId: "placeOrder",
  limit: "checkout",
  tags: ["Checkout"],
  summary: "Turn the cart into an order: hold its copies and start the payment",
  description:
    "Prices are today's, less the promotions running and the codes the cart holds (each line says which " +
    "discounts it got and who funds them); tax is included and broken out per rate for the address's country. " +
    "Each seller's part ships at that seller's rate. The payment is for the total after discounts. A code the " +
    "cart holds that no longer applies is 422 with the reason as `code` (`promotion_expired`, " +
    "`promotion_not_applicable`, `minimum_not_met`, `usage_limit_reached`, `promotion_not_stackable`): nothing " +
    "is held then; a promotion used up by other orders during the checkout is 422 `usage_limit_reached` too. " +
    "Copies are held until `holdExpiresAt`; " +
    "pay before then (the payment's `clientSecret` is for the storefront's payment form). The order is paid when " +
    "the provider's webhook says so. Needs an `Idempotency-Key`: the same key and body replay the first answer " +
    "and never create a second order. 409 `out_of_stock` lists the lines that fell short and what is available; " +
    "nothing is held then. 422 `shipping_unavailable` names the sellers who do not ship to the address. " +
    "A cart that already waits in an unpaid order (the same books, to the same address by the same method) " +
    "answers that order (200) instead of holding the copies twice; a buyer has at most 3 unpaid orders: " +
    "409 `too_many_pending_orders`.",
  middleware: [idempotent],
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
  const catalog = catalogContext(c);
  const { existing, order, payment } = await placeOrder(
    ordersContextOf(c),
    principalOf(c).userId,
    c.req.valid("json"),
    (ids) => cartListings(catalog, ids),
  );
  c.header("location", `/v1/orders/${order.id}`);
  return c.json({ order, payment }, existing ? 200 : 201);
});
