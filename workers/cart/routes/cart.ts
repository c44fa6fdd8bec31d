import { createRouter } from "../../http/router";
import { problems } from "../../http/schemas";
import { cartContext } from "../context";
import { CartSchema, DestinationQuery } from "../schemas";
import { viewCart } from "../view";
import { cartHeaders, cartOf, cartRoute, viewRequest } from "./scope";

const tags = ["Cart"];

const getCart = cartRoute({
  method: "get",
  path: "/v1/cart",
  operationId: "getCart",
  tags,
  summary: "The cart, with current prices, availability, discounts and tax, per line and per seller",
  description:
    "Without a Bearer token, the cart is the guest cart named by `X-Cart-Token` (404 if unknown); without that " +
    "header a new guest cart is created and its token comes back in the `X-Cart-Token` response header. Each " +
    "line flags `priceChanged` since it was added and whether it is `purchasable` now. Automatic promotions " +
    "apply without a code; the codes entered apply in the order they were, one per order unless stackable, and " +
    "each line shows its share of every discount. Prices include tax: with `country` (and `region`) the cart " +
    "breaks the tax out per rate, else `tax` is null. Shipping is not known yet (checkout quotes it), so the " +
    "totals and the tax leave it out.",
  request: { headers: cartHeaders, query: DestinationQuery },
  responses: {
    200: { description: "The cart at current prices", content: { "application/json": { schema: CartSchema } } },
    ...problems(400, 401, 404),
  },
});

const emptyCart = cartRoute({
  method: "delete",
  path: "/v1/cart",
  operationId: "emptyCart",
  limit: "cart",
  tags,
  summary: "Empty the cart",
  description:
    "Removes every line and promotion code of the signed-in user's cart, or of the guest cart named by " +
    "`X-Cart-Token` (an unknown token is 404).",
  request: { headers: cartHeaders },
  responses: { 204: { description: "Emptied" }, ...problems(401, 404) },
});

export const wholeCartRoutes = createRouter()
  .openapi(getCart, async (c) => {
    const cart = await cartOf(c);
    return c.json(await viewCart(cartContext(c), await cart.contents(), viewRequest(c, c.req.valid("query"))), 200);
  })
  .openapi(emptyCart, async (c) => {
    await (await cartOf(c)).clear();
    return c.body(null, 204);
  });
