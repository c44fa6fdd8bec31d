import { createRoute, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { createRouter } from "../http/router";

const HealthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    checks: z.object({ d1: z.object({ ok: z.boolean(), latencyMs: z.number() }) }),
  })
  .openapi("Health");

const health = createRoute({
  method: "get",
  path: "/v1/health",
  tags: ["Operations"],
  summary: "Liveness and D1 reachability",
  responses: {
    200: { description: "Healthy", content: { "application/json": { schema: HealthSchema } } },
    503: { description: "D1 unreachable", content: { "application/json": { schema: HealthSchema } } },
  },
});

export const healthRoutes = createRouter().openapi(health, async (c) => {
  const started = Date.now();
  const ok = await c
    .get("services")
    .db.run(sql`SELECT 1`)
    .then(() => true)
    .catch((error) => {
      c.get("log").error("health: D1 unreachable", { error: String(error) });
      return false;
    });
  const body = {
    status: ok ? ("ok" as const) : ("degraded" as const),
    checks: { d1: { ok, latencyMs: Date.now() - started } },
  };
  return ok ? c.json(body, 200) : c.json(body, 503);
});
