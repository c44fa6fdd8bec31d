import { z } from "@hono/zod-openapi";
import { createRouter } from "../../http/router";
import { decodeCursor, encodeCursor, jsonContent, PageQuery, problems } from "../../http/schemas";
import { AUDIT_TYPES, AuditCursor, AuditPageSchema, securedRoute, shopAuditTrail } from "../../identity";
import { sellersContext } from "../context";
import { callingSeller, requireSeller } from "../middleware";

const shopAudit = securedRoute({
  method: "get",
  path: "/v1/seller/audit",
  operationId: "listShopAuditEntries",
  role: "seller",
  middleware: [requireSeller],
  tags: ["Sellers"],
  summary: "What was done to your shop, newest first",
  description:
    "The audit entries that concern your shop: your promotions and payout account, refunds and cancellations of " +
    "your orders by an admin, holds on your payouts. Filter by `action` (the entry's type code); pages go back in " +
    "time with `cursor` (the previous page's `nextCursor`) and `limit` (1–100, default 20). Where a change was " +
    "made from (IP, user agent, session) is not shown.",
  request: { query: PageQuery.extend({ action: z.enum(AUDIT_TYPES).optional() }) },
  responses: { 200: jsonContent(AuditPageSchema, "One page of your shop's audit entries"), ...problems(400) },
});

export const shopAuditRoutes = createRouter().openapi(shopAudit, async (c) => {
  const { limit, cursor, action } = c.req.valid("query");
  const after = decodeCursor(cursor, AuditCursor);
  const page = await shopAuditTrail(sellersContext(c), callingSeller(c).id, {
    limit,
    beforeId: after?.id,
    type: action,
  });
  return c.json({ items: page.items, nextCursor: page.last ? encodeCursor({ id: page.last }) : null }, 200);
});
