import type { D1Migration } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { onPlanetScale } from "./database";

/** The schema's tables or views as the migrations made them (SQLite's own and D1's internal ones left out). */
async function schemaObjects(type: "table" | "view") {
  const { results } = await env.DB.prepare(
    "SELECT name, sql FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'",
  )
    .bind(type)
    .all<{ name: string; sql: string }>();
  return results;
}

// A PlanetScale run keeps nothing in D1: its MySQL migrations are applied once, by test/support/planetscale-setup.ts.
// Each test file starts from an empty D1, though files share a runtime (vitest.config.ts `isolate: false`): what the
// last file made is dropped (views and full-text tables first, which own shadow tables) and every migration's
// statements go in one batch (one round trip, one transaction), which is what makes a file's setup cheap.
if (!onPlanetScale) {
  const { TEST_MIGRATIONS } = env as unknown as { TEST_MIGRATIONS: D1Migration[] };
  const views = await schemaObjects("view");
  const virtual = (await schemaObjects("table")).filter(({ sql }) => /^CREATE VIRTUAL/i.test(sql));
  if (views.length + virtual.length) {
    await env.DB.batch([
      ...views.map(({ name }) => env.DB.prepare(`DROP VIEW "${name}"`)),
      ...virtual.map(({ name }) => env.DB.prepare(`DROP TABLE "${name}"`)),
    ]);
  }
  const tables = await schemaObjects("table");
  await env.DB.batch([
    env.DB.prepare("PRAGMA defer_foreign_keys = on"),
    ...tables.map(({ name }) => env.DB.prepare(`DROP TABLE "${name}"`)),
    ...TEST_MIGRATIONS.flatMap((migration) => migration.queries).map((query) => env.DB.prepare(query)),
  ]);
}
