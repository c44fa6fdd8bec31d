import { AppError } from "../../http/errors";
import { createRouter } from "../../http/router";
import { problems } from "../../http/schemas";
import { cartContext } from "../context";
import { AddedLineSchema, AddItemBody, LineParam, QuantityBody } from "../schemas";
import { addToCart, changeQuantity } from "../service";
import { cartHeaders, cartOf, cartRoute } from "./scope";

const tags = ["Cart"];
const json = <T>(schema: T) => ({ required: true, content: { "application/json": { schema } } });
const lineReply = (description: string) => ({
  description,
  content: { "application/json": { schema: AddedLineSchema } },
});

const addItem = cartRoute({
  method: "post",
  path: "/v1/cart/items",
  operationId: "addCartItem",
  limit: "cart",
  tags,
  summary: "Add copies of a listing, optionally with a cover option and inscription",
  description:
    "Adding does not hold stock; checkout does. More than is available (across all lines of the listing) is 409 `insufficient_stock`.",
  request: { headers: cartHeaders, body: json(AddItemBody) },
  responses: { 201: lineReply("Added"), ...problems(400, 401, 404, 409, 422) },
});

const updateItem = cartRoute({
  method: "patch",
  path: "/v1/cart/items/{lineId}",
  operationId: "changeCartItemQuantity",
  limit: "cart",
  tags,
  summary: "Change a line's quantity",
  description:
    "The quantity is 1–99; more copies than are available (counting the listing's other lines) is 409 " +
    "`insufficient_stock`. A line not in this cart is 404.",
  request: { headers: cartHeaders, params: LineParam, body: json(QuantityBody) },
  responses: { 200: lineReply("Changed"), ...problems(400, 401, 404, 409) },
});

const removeItem = cartRoute({
  method: "delete",
  path: "/v1/cart/items/{lineId}",
  operationId: "removeCartItem",
  limit: "cart",
  tags,
  summary: "Remove a line",
  description: "A line not in this cart is 404, as is an unknown `X-Cart-Token`.",
  request: { headers: cartHeaders, params: LineParam },
  responses: { 204: { description: "Removed" }, ...problems(401, 404) },
});

export const itemRoutes = createRouter()
  .openapi(addItem, async (c) => {
    const cart = await cartOf(c);
    return c.json(await addToCart(cartContext(c), cart, c.req.valid("json")), 201);
  })
  .openapi(updateItem, async (c) => {
    const cart = await cartOf(c);
    const { lineId } = c.req.valid("param");
    return c.json(await changeQuantity(cartContext(c), cart, lineId, c.req.valid("json").quantity), 200);
  })
  .openapi(removeItem, async (c) => {
    const cart = await cartOf(c);
    if (!(await cart.remove(c.req.valid("param").lineId))) throw new AppError("not_found", "No such cart line.");
    return c.body(null, 204);
  });
