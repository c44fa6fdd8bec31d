import { createRouter } from "../../http/router";
import { problems } from "../../http/schemas";
import { enterCode, removeCode } from "../codes";
import { cartContext } from "../context";
import { CartSchema, DestinationQuery, PromotionCodeBody, PromotionCodeParam } from "../schemas";
import { cartHeaders, cartOf, cartRoute, viewRequest } from "./scope";

const tags = ["Cart"];
const cartReply = (description: string) => ({
  description,
  content: { "application/json": { schema: CartSchema } },
});

const applyCode = cartRoute({
  method: "post",
  path: "/v1/cart/promotions",
  operationId: "applyCartPromotion",
  limit: "cart",
  tags,
  summary: "Enter a promotion code",
  description:
    "Prices the cart with the code after those already entered (any case; at most 5 codes). A code that does not " +
    "apply is 422 with the reason as `code` (`promotion_expired`, `promotion_not_applicable`, `minimum_not_met`, " +
    "`usage_limit_reached`, `promotion_not_stackable`: an order takes one code unless every code is stackable) and " +
    "is not kept; a code already applied answers the cart again. Automatic promotions need no code. Limits per " +
    "buyer are checked for a signed-in buyer, and for everyone again at checkout. The `country` and `region` " +
    "query break out the tax as on `GET /v1/cart`.",
  request: {
    headers: cartHeaders,
    query: DestinationQuery,
    body: { required: true, content: { "application/json": { schema: PromotionCodeBody } } },
  },
  responses: { 200: cartReply("Applied: the cart with it"), ...problems(400, 401, 404, 422) },
});

const dropCode = cartRoute({
  method: "delete",
  path: "/v1/cart/promotions/{code}",
  operationId: "removeCartPromotion",
  limit: "cart",
  tags,
  summary: "Take a promotion code out of the cart",
  description:
    "Any case. A code the cart does not hold is 404, as is an unknown `X-Cart-Token`; automatic promotions cannot " +
    "be removed. The `country` and `region` query break out the tax as on `GET /v1/cart`.",
  request: { headers: cartHeaders, params: PromotionCodeParam, query: DestinationQuery },
  responses: { 200: cartReply("Removed: the cart without it"), ...problems(400, 401, 404) },
});

export const promotionRoutes = createRouter()
  .openapi(applyCode, async (c) => {
    const cart = await cartOf(c);
    const view = await enterCode(cartContext(c), cart, c.req.valid("json").code, viewRequest(c, c.req.valid("query")));
    return c.json(view, 200);
  })
  .openapi(dropCode, async (c) => {
    const cart = await cartOf(c);
    const view = await removeCode(
      cartContext(c),
      cart,
      c.req.valid("param").code,
      viewRequest(c, c.req.valid("query")),
    );
    return c.json(view, 200);
  });
