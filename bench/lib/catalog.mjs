// Catalog data for the scenarios: the project's own seed generator (scripts/seed/), loaded through a D1 binding of
// the running workerd into the bench's own state (never .wrangler/state).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { seedStatements } from "../../scripts/seed/statements.mjs";
import { ROOT } from "./build.mjs";

/** `npm start` seeds this many editions into an empty database (scripts/seed.mjs's default). */
export const DEMO_BOOKS = 1_200;
export const DEMO_SEED = 20250101;

// A batch is one D1 transaction; a few MB per call keeps the binding's round trips few without large messages.
const STATEMENTS_PER_BATCH = 100;

async function runAll(db, statements) {
  let batch = [];
  for (const statement of statements) {
    batch.push(db.prepare(statement));
    if (batch.length === STATEMENTS_PER_BATCH) {
      await db.batch(batch);
      batch = [];
    }
  }
  if (batch.length) await db.batch(batch);
}

/**
 * Replaces the catalog of `db` with a generated one of `books` editions, exactly as `npm run db:seed -- --books N`
 * would (same generator, same statements). Returns the generated rows and the seconds it took.
 */
export async function seedCatalog(db, { books, seed = DEMO_SEED }) {
  const started = Date.now();
  const { rows, statements } = seedStatements({ books, seed, withIdentity: true });
  await runAll(db, statements);
  return { rows, seconds: (Date.now() - started) / 1000 };
}

/**
 * Applies the app's migrations (schema/migrations, drizzle's `--> statement-breakpoint` between statements) to an
 * empty D1 database, for the app copies a scenario asks for. The main database is migrated by wrangler itself.
 */
export async function applyMigrations(db) {
  const dir = join(ROOT, "schema/migrations");
  const files = readdirSync(dir)
    .filter((file) => file.endsWith(".sql"))
    .sort();
  for (const file of files) {
    const statements = readFileSync(join(dir, file), "utf8")
      .split("--> statement-breakpoint")
      .map((statement) => statement.trim())
      .filter(Boolean);
    await runAll(db, statements);
  }
}

let demo;

/**
 * The demo catalog the read scenarios share (npm start's default size), seeded once per run into the app's own
 * database. Every scenario that reads it awaits this, so `--only` any of them still works.
 */
export function demoCatalog(ctx) {
  demo ??= (async () => {
    const db = await ctx.d1();
    const { rows, seconds } = await seedCatalog(db, { books: DEMO_BOOKS });
    return { rows, seconds, db };
  })();
  return demo;
}
