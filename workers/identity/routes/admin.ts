import { z } from "@hono/zod-openapi";
import { AppError } from "../../http/errors";
import { createRouter } from "../../http/router";
import { decodeCursor, encodeCursor, jsonContent, PageQuery, problems } from "../../http/schemas";
import { idPattern } from "../../lib/ids";
import { AUDIT_TYPES } from "../audit";
import { identityContext } from "../context";
import { AuditCursor, AuditPageSchema, AuditTargetField } from "../schemas";
import { securedRoute } from "../secured-route";
import { auditTrail } from "../service/accounts";

const auditRoute = securedRoute({
  method: "get",
  path: "/v1/admin/audit",
  operationId: "listAuditEntries",
  role: "admin",
  tags: ["Admin"],
  summary: "Audit log of security events and business actions, newest first (admin only)",
  description:
    "Filter by `actor` (who did it), `target` (what it changed, `kind:id` such as `order:ord_…`), `action` (the " +
    "entry's type code), `shop` (the seller id an entry concerns) and `userId` (the account the entry is about); " +
    "`type` is the older name of `action`. " +
    "Pages go back in time with `cursor` (the previous page's `nextCursor`) and `limit` (1–100, default 20).",
  request: {
    query: PageQuery.extend({
      actor: z.string().regex(idPattern("usr")).optional(),
      target: AuditTargetField.optional(),
      action: z.enum(AUDIT_TYPES).optional(),
      shop: z.string().regex(idPattern("sel")).optional(),
      userId: z.string().regex(idPattern("usr")).optional(),
      type: z.enum(AUDIT_TYPES).optional(),
    }),
  },
  responses: { 200: jsonContent(AuditPageSchema, "One page of audit entries"), ...problems(400) },
});

export const adminRoutes = createRouter().openapi(auditRoute, async (c) => {
  const { limit, cursor, actor, target, action, shop, userId, type } = c.req.valid("query");
  if (action && type && action !== type) throw new AppError("bad_request", "`type` is another name for `action`.");
  const after = decodeCursor(cursor, AuditCursor);
  const page = await auditTrail(identityContext(c), {
    limit,
    beforeId: after?.id,
    actorId: actor,
    target,
    type: action ?? type,
    shopId: shop,
    userId,
  });
  return c.json({ items: page.items, nextCursor: page.last ? encodeCursor({ id: page.last }) : null }, 200);
});
