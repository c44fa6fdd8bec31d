import { applyD1Migrations, type D1Migration } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { onPlanetScale } from "./database";

// A PlanetScale run keeps nothing in D1: its MySQL migrations are applied once, by test/support/planetscale-setup.ts.
if (!onPlanetScale) {
  const { TEST_MIGRATIONS } = env as unknown as { TEST_MIGRATIONS: D1Migration[] };
  await applyD1Migrations(env.DB, TEST_MIGRATIONS);
}
