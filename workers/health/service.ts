import { sql } from "drizzle-orm";
import type { Logger } from "../lib/log";
import type { Services } from "../platform/services";
import type { Health } from "./schemas";

/** Liveness is answering at all; D1 is checked with the cheapest statement it runs. */
export async function checkHealth(ctx: { services: Services; log: Logger }): Promise<Health> {
  const started = Date.now();
  const ok = await ctx.services.db
    .run(sql`SELECT 1`)
    .then(() => true)
    .catch((error) => {
      ctx.log.error("health: D1 unreachable", { error: String(error) });
      return false;
    });
  return { status: ok ? "ok" : "degraded", checks: { d1: { ok, latencyMs: Date.now() - started } } };
}
