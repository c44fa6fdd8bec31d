import { createRouter } from "../../http/router";
import { problems } from "../../http/schemas";
import { MARKETPLACE_CURRENCY } from "../../lib/money";
import { cartContext } from "../context";
import { CartSchema } from "../schemas";
import { viewCart } from "../service";
import { cartHeaders, cartOf, cartRoute } from "./scope";

const tags = ["Cart"];

const getCart = cartRoute({
  method: "get",
  path: "/v1/cart",
  operationId: "getCart",
  tags,
  summary: "The cart, with current prices, availability and subtotals per seller",
  description:
    "Without a Bearer token, the cart is the guest cart named by `X-Cart-Token` (404 if unknown); without that " +
    "header a new guest cart is created and its token comes back in the `X-Cart-Token` response header. Each " +
    "line flags `priceChanged` since it was added and whether it is `purchasable` now.",
  request: { headers: cartHeaders },
  responses: {
    200: { description: "The cart at current prices", content: { "application/json": { schema: CartSchema } } },
    ...problems(401, 404),
  },
});

const emptyCart = cartRoute({
  method: "delete",
  path: "/v1/cart",
  operationId: "emptyCart",
  tags,
  summary: "Empty the cart",
  description:
    "Removes every line of the signed-in user's cart, or of the guest cart named by `X-Cart-Token` (an unknown " +
    "token is 404).",
  request: { headers: cartHeaders },
  responses: { 204: { description: "Emptied" }, ...problems(401, 404) },
});

export const wholeCartRoutes = createRouter()
  .openapi(getCart, async (c) => {
    const cart = await cartOf(c);
    return c.json(await viewCart(cartContext(c), await cart.lines(), MARKETPLACE_CURRENCY), 200);
  })
  .openapi(emptyCart, async (c) => {
    await (await cartOf(c)).clear();
    return c.body(null, 204);
  });
