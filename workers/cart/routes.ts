import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { cartListings, catalogContext, listingToAdd } from "../catalog";
import type { AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { createRouter } from "../http/router";
import { problems } from "../http/schemas";
import { MARKETPLACE_CURRENCY, MoneySchema } from "../lib/money";
import { CART_TOKEN_HEADER, cartOf, optionalAuth } from "./scope";
import { addToCart, type CartDeps, changeQuantity, viewCart } from "./service";

const LineSchema = z.object({
  lineId: z.string(),
  listingId: z.string(),
  sellerId: z.string().nullable(),
  title: z.string().nullable(),
  isbn13: z.string().nullable(),
  condition: z.string().nullable(),
  quantity: z.number().int(),
  coverOption: z.object({ id: z.string(), name: z.string(), kind: z.string(), price: MoneySchema }).nullable(),
  inscription: z.string().nullable(),
  unitPrice: MoneySchema,
  priceSeen: MoneySchema,
  priceChanged: z.boolean(),
  available: z.number().int(),
  purchasable: z.boolean(),
  lineTotal: MoneySchema,
});

const CartSchema = z
  .object({
    lines: z.array(LineSchema),
    sellers: z.array(
      z.object({ sellerId: z.string(), storeName: z.string(), subtotal: MoneySchema, itemCount: z.number().int() }),
    ),
    subtotal: MoneySchema,
    itemCount: z.number().int(),
  })
  .openapi("Cart");

const AddedLineSchema = z
  .object({
    lineId: z.string(),
    listingId: z.string(),
    quantity: z.number().int(),
    coverOptionId: z.string().nullable(),
    inscription: z.string().nullable(),
    priceSeen: MoneySchema,
  })
  .openapi("CartLine");

const cartHeaders = z.object({
  [CART_TOKEN_HEADER]: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: "A guest cart's token (from an earlier cart response)" }),
});
const security: Record<string, string[]>[] = [{ bearerAuth: [] }, {}];
const tags = ["Cart"];
const lineParam = z.object({ lineId: z.string().regex(/^lin_[0-9a-f]{32}$/) });
const cartReply = {
  description: "The cart at current prices",
  content: { "application/json": { schema: CartSchema } },
};

const getCart = createRoute({
  method: "get",
  path: "/v1/cart",
  tags,
  security,
  summary: "The cart, with current prices, availability and subtotals per seller",
  middleware: [optionalAuth] as const,
  request: { headers: cartHeaders },
  responses: { 200: cartReply, ...problems(401, 404) },
});

const addItem = createRoute({
  method: "post",
  path: "/v1/cart/items",
  tags,
  security,
  summary: "Add copies of a listing, optionally with a cover option and inscription",
  description:
    "Adding does not hold stock; checkout does. More than is available (across all lines of the listing) is 409 `insufficient_stock`.",
  middleware: [optionalAuth] as const,
  request: {
    headers: cartHeaders,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({
            listingId: z.string().regex(/^lst_[0-9a-f]{32}$/),
            quantity: z.number().int().min(1).max(99).default(1),
            coverOptionId: z
              .string()
              .regex(/^cov_[0-9a-f]{32}$/)
              .optional(),
            inscription: z.string().min(1).max(200).optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: { description: "Added", content: { "application/json": { schema: AddedLineSchema } } },
    ...problems(400, 401, 404, 409, 422),
  },
});

const updateItem = createRoute({
  method: "patch",
  path: "/v1/cart/items/{lineId}",
  tags,
  security,
  summary: "Change a line's quantity",
  middleware: [optionalAuth] as const,
  request: {
    headers: cartHeaders,
    params: lineParam,
    body: {
      required: true,
      content: { "application/json": { schema: z.object({ quantity: z.number().int().min(1).max(99) }) } },
    },
  },
  responses: {
    200: { description: "Changed", content: { "application/json": { schema: AddedLineSchema } } },
    ...problems(400, 401, 404, 409),
  },
});

const removeItem = createRoute({
  method: "delete",
  path: "/v1/cart/items/{lineId}",
  tags,
  security,
  summary: "Remove a line",
  middleware: [optionalAuth] as const,
  request: { headers: cartHeaders, params: lineParam },
  responses: { 204: { description: "Removed" }, ...problems(401, 404) },
});

const clearCart = createRoute({
  method: "delete",
  path: "/v1/cart",
  tags,
  security,
  summary: "Empty the cart",
  middleware: [optionalAuth] as const,
  request: { headers: cartHeaders },
  responses: { 204: { description: "Emptied" }, ...problems(401, 404) },
});

function deps(c: Context<AppEnv>): CartDeps {
  const catalog = catalogContext(c);
  return {
    carts: c.env.CART,
    stock: c.env.STOCK,
    listings: (ids) => cartListings(catalog, ids),
    listingToAdd: (id, withCoverOptions) => listingToAdd(catalog, id, withCoverOptions),
  };
}

export const cartRoutes = createRouter()
  .openapi(getCart, async (c) => {
    const cart = await cartOf(c);
    return c.json(await viewCart(deps(c), await cart.lines(), MARKETPLACE_CURRENCY), 200);
  })
  .openapi(addItem, async (c) => {
    const cart = await cartOf(c);
    return c.json(await addToCart(deps(c), cart, c.req.valid("json")), 201);
  })
  .openapi(updateItem, async (c) => {
    const cart = await cartOf(c);
    return c.json(await changeQuantity(deps(c), cart, c.req.valid("param").lineId, c.req.valid("json").quantity), 200);
  })
  .openapi(removeItem, async (c) => {
    const cart = await cartOf(c);
    if (!(await cart.remove(c.req.valid("param").lineId))) throw new AppError("not_found", "No such cart line.");
    return c.body(null, 204);
  })
  .openapi(clearCart, async (c) => {
    await (await cartOf(c)).clear();
    return c.body(null, 204);
  });
