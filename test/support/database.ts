import { env } from "cloudflare:workers";
import { format } from "@planetscale/database";
import { sql } from "drizzle-orm";
import { loadConfig } from "../../workers/config";
import { createDb, type Db, execute, rows } from "../../workers/platform/db";
import { createPlanetScaleDb } from "../../workers/platform/planetscale";

const config = loadConfig(env);

/** True on `npm run test:planetscale`: the Worker's relational store is MySQL behind the PlanetScale API. */
export const onPlanetScale = config.DATABASE === "planetscale";

/** The app's `Db` on whichever store this run's Worker uses. */
export function testDb(): Db {
  if (!onPlanetScale) return createDb(env.DB);
  return createPlanetScaleDb({
    host: config.PLANETSCALE_HOST ?? "",
    username: config.PLANETSCALE_USERNAME ?? "",
    password: config.PLANETSCALE_PASSWORD ?? "",
  });
}

/** The first row of a limited select: what `.get()` answers on SQLite, which MySQL's builder lacks. */
export async function firstRow<T>(select: PromiseLike<T[]>): Promise<T | undefined> {
  return (await select)[0];
}

/** Every table the relational store holds. */
export async function tableNames(): Promise<string[]> {
  const query = onPlanetScale
    ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'"
    : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'";
  const { results } = await testDatabase.prepare(query).all<{ name: string }>();
  return results.map(({ name }) => name);
}

/** The part of D1's statement API that tests use to look at and adjust stored rows directly. */
export interface TestStatement {
  bind(...values: unknown[]): TestStatement;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  first<T = unknown>(column: string): Promise<T | null>;
  all<T = Record<string, unknown>>(): Promise<{ results: T[] }>;
  run(): Promise<{ meta: { changes: number } }>;
}

export interface TestDatabase {
  prepare(query: string): TestStatement;
}

/**
 * Tests' direct reads and writes, with D1's `prepare(sql).bind(...)` surface on either store: the D1 binding
 * itself, or the same SQL with its `?` filled in by the PlanetScale driver's own formatter.
 */
export const testDatabase: TestDatabase = onPlanetScale ? planetScaleStatements(testDb()) : (env.DB as TestDatabase);

function planetScaleStatements(db: Db): TestDatabase {
  const statement = (query: string, values: unknown[]): TestStatement => {
    const formatted = () => sql.raw(values.length > 0 ? format(query, values as never[]) : query);
    const all = async <T>() => rows<T>(db, formatted());
    return {
      bind: (...bound: unknown[]) => statement(query, bound),
      first: async <T>(column?: string) => {
        const [row] = await all<Record<string, unknown>>();
        if (!row) return null;
        return (column ? row[column] : row) as T;
      },
      all: async <T>() => ({ results: await all<T>() }),
      run: async () => ({ meta: { changes: await execute(db, formatted()) } }),
    };
  };
  return { prepare: (query) => statement(query, []) };
}
