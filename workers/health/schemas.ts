import { z } from "@hono/zod-openapi";

export const HealthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    checks: z.object({
      /** The relational store, under the name it had before PlanetScale: the same check as `database`. */
      d1: z.object({ ok: z.boolean(), latencyMs: z.number() }),
      database: z.object({ store: z.enum(["d1", "planetscale"]), ok: z.boolean(), latencyMs: z.number() }),
    }),
  })
  .openapi("Health");
export type Health = z.infer<typeof HealthSchema>;
