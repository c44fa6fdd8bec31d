import { sql } from "drizzle-orm";
import type { Logger } from "../lib/log";
import { dialectOf, execute } from "../platform/db";
import type { Services } from "../platform/services";
import type { Health } from "./schemas";

/** Liveness is answering at all; the database is checked with the cheapest statement it runs. */
export async function checkHealth(ctx: { services: Services; log: Logger }): Promise<Health> {
  const started = Date.now();
  const ok = await execute(ctx.services.db, sql`SELECT 1`)
    .then(() => true)
    .catch((error) => {
      ctx.log.error("health: database unreachable", { error: String(error) });
      return false;
    });
  const check = { ok, latencyMs: Date.now() - started };
  const store = dialectOf(ctx.services.db) === "mysql" ? "planetscale" : "d1";
  return { status: ok ? "ok" : "degraded", checks: { d1: check, database: { store, ...check } } };
}
