import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { securedRoute } from "../../identity";
import { callingSeller, requireSeller } from "../../sellers";
import { ordersContextOf } from "../context";
import { returnsPage } from "../returns/lists";
import {
  ReturnDecisionBody,
  ReturnIdParam,
  ReturnPage,
  ReturnReceivedBody,
  ReturnSchema,
  ReturnsQuery,
} from "../returns/schemas";
import { decideReturn, receiveReturn } from "../returns/steps";

const tags = ["Returns"];

const list = securedRoute({
  method: "get",
  path: "/v1/seller/returns",
  operationId: "listSellerReturns",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Buyers' returns of what you sold, newest first, optionally in one status",
  description: "Pages with `cursor` (the previous page's `nextCursor`) and `limit` (1–100, default 20).",
  request: { query: ReturnsQuery },
  responses: { 200: jsonContent(ReturnPage, "One page of returns"), ...problems(400, 401, 403) },
});

const decide = securedRoute({
  method: "post",
  path: "/v1/seller/returns/{id}/decision",
  operationId: "decideSellerReturn",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Approve or reject a return request",
  description:
    "Only a `requested` return: once escalated (3 days unanswered) it is the admins' (409 `invalid_transition`). " +
    "A rejection needs a `note`; `restock` puts the copies back on sale when they arrive. Another seller's return " +
    "is 404.",
  request: {
    params: ReturnIdParam,
    body: { content: { "application/json": { schema: ReturnDecisionBody } }, required: true },
  },
  responses: { 200: jsonContent(ReturnSchema, "The return, decided"), ...problems(400, 401, 403, 404, 409, 415) },
});

const received = securedRoute({
  method: "post",
  path: "/v1/seller/returns/{id}/received",
  operationId: "receiveSellerReturn",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Say the returned copies arrived: the buyer is refunded",
  description:
    "From `approved` or `in_transit`. The return's lines are refunded at what was paid for them through the " +
    "refund engine, once however often this is sent; `restock` (default: as decided) puts them back on sale. " +
    "The return becomes `refunded` with its `refundId`. Another seller's return is 404.",
  request: {
    params: ReturnIdParam,
    body: { content: { "application/json": { schema: ReturnReceivedBody } }, required: false },
  },
  responses: {
    200: jsonContent(ReturnSchema, "The return, refunded"),
    ...problems(400, 401, 403, 404, 409, 415, 422),
  },
});

export const sellerReturnRoutes = createRouter()
  .openapi(list, async (c) => {
    return c.json(await returnsPage(ordersContextOf(c), { sellerId: callingSeller(c).id }, c.req.valid("query")), 200);
  })
  .openapi(decide, async (c) => {
    const caller = { kind: "seller" as const, sellerId: callingSeller(c).id };
    return c.json(await decideReturn(ordersContextOf(c), caller, c.req.valid("param").id, c.req.valid("json")), 200);
  })
  .openapi(received, async (c) => {
    const caller = { kind: "seller" as const, sellerId: callingSeller(c).id };
    const body = c.req.valid("json") ?? {};
    return c.json(await receiveReturn(ordersContextOf(c), caller, c.req.valid("param").id, body), 200);
  });
