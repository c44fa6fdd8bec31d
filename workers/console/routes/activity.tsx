import { z } from "@hono/zod-openapi";
import { Hono } from "hono";
import type { AppEnv } from "../../http/context";
import { decodeCursor, encodeCursor, PageQuery } from "../../http/schemas";
import { AUDIT_TYPES, AuditCursor, principalOf, shopAuditTrail } from "../../identity";
import { refusal } from "../forms";
import { shopOf, shopPage } from "../render";
import { ActivityList } from "../views/activity";
import { emptyForm } from "../views/parts";

const ActivityQuery = PageQuery.extend({ action: z.enum(AUDIT_TYPES).optional() });

/** The shop's audit log (GET /v1/seller/audit): what was done to its promotions, payouts and orders. */
export const activityRoutes = new Hono<AppEnv>().get("/activity", async (c) => {
  const query = c.req.query();
  const parsed = ActivityQuery.safeParse({ ...query, action: query.action || undefined });
  const filters = parsed.success ? emptyForm({ action: query.action ?? "" }) : refusal(query, parsed.error);
  let entries = { items: [] as Awaited<ReturnType<typeof shopAuditTrail>>["items"], nextCursor: null as string | null };
  if (parsed.success) {
    const { limit, cursor, action } = parsed.data;
    const page = await shopAuditTrail({ services: c.get("services") }, shopOf(c).id, {
      limit,
      beforeId: decodeCursor(cursor, AuditCursor)?.id,
      type: action,
    });
    entries = { items: page.items, nextCursor: page.last ? encodeCursor({ id: page.last }) : null };
  }
  return shopPage(
    c,
    { title: "Shop activity", status: filters.status },
    <ActivityList entries={entries} filters={filters} query={query} userId={principalOf(c).userId} />,
  );
});
