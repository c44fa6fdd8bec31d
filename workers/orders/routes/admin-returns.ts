import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { ordersContextOf } from "../context";
import { returnsPage } from "../returns/lists";
import { ReturnDecisionBody, ReturnIdParam, ReturnPage, ReturnSchema, ReturnsQuery } from "../returns/schemas";
import { decideReturn } from "../returns/steps";

const tags = ["Returns"];

const list = securedRoute({
  method: "get",
  path: "/v1/admin/returns",
  operationId: "listReturns",
  role: "admin",
  tags,
  summary: "Every seller's returns, newest first, optionally in one status (`escalated`: waiting for you)",
  description: "Pages with `cursor` (the previous page's `nextCursor`) and `limit` (1–100, default 20).",
  request: { query: ReturnsQuery },
  responses: { 200: jsonContent(ReturnPage, "One page of returns"), ...problems(400, 401, 403) },
});

const decide = securedRoute({
  method: "post",
  path: "/v1/admin/returns/{id}/decision",
  operationId: "decideReturn",
  role: "admin",
  tags,
  summary: "Approve or reject a return the seller left unanswered",
  description:
    "On a `requested` or `escalated` return (409 `invalid_transition` otherwise), with the seller's body: a " +
    "rejection needs a `note`.",
  request: {
    params: ReturnIdParam,
    body: { content: { "application/json": { schema: ReturnDecisionBody } }, required: true },
  },
  responses: { 200: jsonContent(ReturnSchema, "The return, decided"), ...problems(400, 401, 403, 404, 409, 415) },
});

export const adminReturnRoutes = createRouter()
  .openapi(list, async (c) => c.json(await returnsPage(ordersContextOf(c), {}, c.req.valid("query")), 200))
  .openapi(decide, async (c) => {
    const caller = { kind: "admin" as const, userId: principalOf(c).userId };
    return c.json(await decideReturn(ordersContextOf(c), caller, c.req.valid("param").id, c.req.valid("json")), 200);
  });
