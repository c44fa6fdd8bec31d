import { z } from "@hono/zod-openapi";
import { createRouter } from "../../http/router";
import { decodeCursor, encodeCursor, jsonContent, PageQuery, problems } from "../../http/schemas";
import { idPattern } from "../../lib/ids";
import { AUDIT_TYPES } from "../audit";
import { identityContext } from "../context";
import { AuditEntrySchema } from "../schemas";
import { securedRoute } from "../secured-route";
import { auditTrail } from "../service/accounts";

const AuditCursor = z.object({ id: z.string().regex(idPattern("aud")) });

const auditRoute = securedRoute({
  method: "get",
  path: "/v1/admin/audit",
  operationId: "listAuditEntries",
  role: "admin",
  tags: ["Admin"],
  summary: "Security audit log, newest first (admin only)",
  description:
    "Filter by `userId` and/or `type`; pages go back in time with `cursor` (the previous page's `nextCursor`) and " +
    "`limit` (1–100, default 20).",
  request: {
    query: PageQuery.extend({
      userId: z.string().regex(idPattern("usr")).optional(),
      type: z.enum(AUDIT_TYPES).optional(),
    }),
  },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(AuditEntrySchema), nextCursor: z.string().nullable() }),
      "One page of audit entries",
    ),
    ...problems(400),
  },
});

export const adminRoutes = createRouter().openapi(auditRoute, async (c) => {
  const { limit, cursor, userId, type } = c.req.valid("query");
  const after = decodeCursor(cursor, AuditCursor);
  const page = await auditTrail(identityContext(c), { limit, beforeId: after?.id, userId, type });
  return c.json({ items: page.items, nextCursor: page.last ? encodeCursor({ id: page.last }) : null }, 200);
});
