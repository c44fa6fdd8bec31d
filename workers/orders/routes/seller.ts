import { createRoute, z } from "@hono/zod-openapi";
import { SELLER_ORDER_STATUSES } from "../../../schema/orders";
import { createRouter } from "../../http/router";
import { jsonContent, PageQuery, problems } from "../../http/schemas";
import { requireAuth, requireRole } from "../../identity";
import { markSellerOrderDelivered, shipSellerOrder } from "../fulfilment";
import { SellerOrderIdParam, SellerOrderPage, SellerOrderSchema, ShipmentBody } from "../schemas";
import { sellerOrder, sellerOrders } from "../service";
import { bearer, callerSellerId } from "./context";

const tags = ["Seller orders"];
const asSeller = [requireAuth, requireRole("seller")];

const list = createRoute({
  method: "get",
  path: "/v1/seller/orders",
  tags,
  summary: "Your part of buyers' orders, newest first, optionally in one status",
  description: "Of the buyer you see only the shipping address, while there is something to send.",
  security: bearer,
  middleware: asSeller,
  request: { query: PageQuery.extend({ status: z.enum(SELLER_ORDER_STATUSES).optional() }) },
  responses: { 200: jsonContent(SellerOrderPage, "One page of seller orders"), ...problems(400, 401, 403) },
});

const read = createRoute({
  method: "get",
  path: "/v1/seller/orders/{id}",
  tags,
  summary: "One of your seller orders",
  security: bearer,
  middleware: asSeller,
  request: { params: SellerOrderIdParam },
  responses: { 200: jsonContent(SellerOrderSchema, "The seller order"), ...problems(400, 401, 403, 404) },
});

const ship = createRoute({
  method: "post",
  path: "/v1/seller/orders/{id}/shipments",
  tags,
  summary: "Send your part of a paid order, with its tracking",
  description:
    "The buyer gets a mail with the carrier and tracking number. Only a paid seller order ships (409 otherwise).",
  security: bearer,
  middleware: asSeller,
  request: {
    params: SellerOrderIdParam,
    body: { content: { "application/json": { schema: ShipmentBody } }, required: true },
  },
  responses: {
    201: jsonContent(SellerOrderSchema, "The seller order, shipped"),
    ...problems(400, 401, 403, 404, 409, 415),
  },
});

const delivered = createRoute({
  method: "post",
  path: "/v1/seller/orders/{id}/delivered",
  tags,
  summary: "Say your parcel reached the buyer",
  security: bearer,
  middleware: asSeller,
  request: { params: SellerOrderIdParam },
  responses: {
    200: jsonContent(SellerOrderSchema, "The seller order, delivered"),
    ...problems(400, 401, 403, 404, 409),
  },
});

export const sellerOrderRoutes = createRouter()
  .openapi(list, async (c) => {
    return c.json(await sellerOrders(c.get("services"), await callerSellerId(c), c.req.valid("query")), 200);
  })
  .openapi(read, async (c) => {
    return c.json(await sellerOrder(c.get("services"), await callerSellerId(c), c.req.valid("param").id), 200);
  })
  .openapi(ship, async (c) => {
    const services = c.get("services");
    const sellerId = await callerSellerId(c);
    const { id } = c.req.valid("param");
    await shipSellerOrder(services, sellerId, id, c.req.valid("json"), `seller:${sellerId}`);
    return c.json(await sellerOrder(services, sellerId, id), 201);
  })
  .openapi(delivered, async (c) => {
    const services = c.get("services");
    const sellerId = await callerSellerId(c);
    const { id } = c.req.valid("param");
    await markSellerOrderDelivered(services, sellerId, id, `seller:${sellerId}`);
    return c.json(await sellerOrder(services, sellerId, id), 200);
  });
