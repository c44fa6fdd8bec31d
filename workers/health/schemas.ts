import { z } from "@hono/zod-openapi";

export const HealthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    checks: z.object({ d1: z.object({ ok: z.boolean(), latencyMs: z.number() }) }),
  })
  .openapi("Health");
export type Health = z.infer<typeof HealthSchema>;
