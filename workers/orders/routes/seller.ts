import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { securedRoute } from "../../identity";
import { callingSeller, requireSeller } from "../../sellers";
import { ordersContextOf } from "../context";
import {
  SellerOrderDetailSchema,
  SellerOrderIdParam,
  SellerOrderPage,
  SellerOrdersQuery,
  ShipmentBody,
} from "../schemas";
import { markDelivered, sellerOrder, sellerOrders, shipOrder } from "../service";

const tags = ["Seller orders"];

const list = securedRoute({
  method: "get",
  path: "/v1/seller/orders",
  operationId: "listSellerOrders",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Your part of buyers' orders, newest first, optionally in one status or only those still to send",
  description:
    "Of the buyer you see only the shipping address, while there is something to send. `toShip=true` is the " +
    "queue of seller orders to send: paid (or partially refunded) and not shipped yet. Pages with `cursor` (the " +
    "previous page's `nextCursor`) and `limit` (1–100, default 20).",
  request: { query: SellerOrdersQuery },
  responses: { 200: jsonContent(SellerOrderPage, "One page of seller orders"), ...problems(400, 401, 403) },
});

const read = securedRoute({
  method: "get",
  path: "/v1/seller/orders/{id}",
  operationId: "getSellerOrder",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "One of your seller orders, with its status history and refunds (all a packing slip needs)",
  description:
    "Another seller's order is 404, the same as an unknown id. The buyer's shipping address (`shipTo`) shows only " +
    "while there is something to send. `history` holds this seller order's own transitions; `refunds` the refunds " +
    "charged to it, each with your share and your lines only.",
  request: { params: SellerOrderIdParam },
  responses: { 200: jsonContent(SellerOrderDetailSchema, "The seller order"), ...problems(400, 401, 403, 404) },
});

const ship = securedRoute({
  method: "post",
  path: "/v1/seller/orders/{id}/shipments",
  operationId: "shipSellerOrder",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Send your part of a paid order, with its tracking",
  description:
    "The buyer gets a mail with the carrier and tracking number. Only a paid seller order ships (409 otherwise).",
  request: {
    params: SellerOrderIdParam,
    body: { content: { "application/json": { schema: ShipmentBody } }, required: true },
  },
  responses: {
    201: jsonContent(SellerOrderDetailSchema, "The seller order, shipped"),
    ...problems(400, 401, 403, 404, 409, 415),
  },
});

const delivered = securedRoute({
  method: "post",
  path: "/v1/seller/orders/{id}/delivered",
  operationId: "markSellerOrderDelivered",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Say your parcel reached the buyer",
  description:
    "The buyer gets a mail. A seller order not yet shipped, or already delivered, is 409 `invalid_transition`; " +
    "another seller's order is 404.",
  request: { params: SellerOrderIdParam },
  responses: {
    200: jsonContent(SellerOrderDetailSchema, "The seller order, delivered"),
    ...problems(400, 401, 403, 404, 409),
  },
});

export const sellerOrderRoutes = createRouter()
  .openapi(list, async (c) => {
    return c.json(await sellerOrders(ordersContextOf(c), callingSeller(c).id, c.req.valid("query")), 200);
  })
  .openapi(read, async (c) => {
    return c.json(await sellerOrder(ordersContextOf(c), callingSeller(c).id, c.req.valid("param").id), 200);
  })
  .openapi(ship, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await shipOrder(ordersContextOf(c), callingSeller(c).id, id, c.req.valid("json")), 201);
  })
  .openapi(delivered, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await markDelivered(ordersContextOf(c), callingSeller(c).id, id), 200);
  });
