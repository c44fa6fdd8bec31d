import type { D1Migration } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { onPlanetScale } from "./database";

// A PlanetScale run keeps nothing in D1: its MySQL migrations are applied once, by test/support/planetscale-setup.ts.
// Each test file starts from an empty D1: every migration's statements go in one batch (one round trip, one
// transaction), which is what makes a file's setup cheap.
if (!onPlanetScale) {
  const { TEST_MIGRATIONS } = env as unknown as { TEST_MIGRATIONS: D1Migration[] };
  await env.DB.batch(TEST_MIGRATIONS.flatMap((migration) => migration.queries).map((query) => env.DB.prepare(query)));
}
