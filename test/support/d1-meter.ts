import { drizzle } from "drizzle-orm/d1";

/** D1 rows read and queries run, as D1 reports them in each result's `meta`, and the calls made to D1. */
export interface D1Meter {
  rowsRead: number;
  queries: number;
  /** A batch is one round trip, whatever it holds; so is each statement run on its own. */
  roundTrips: number;
}

/**
 * The test database seen through a meter: every query runs on the real binding and its `meta.rows_read` is
 * added up. D1's `raw()` (which drizzle uses for selects) reports no meta, so a read through `raw()` is run a
 * second time with `all()` just to be measured; reads have no side effects, so the answer is the same.
 */
export function meteredDb(database: D1Database) {
  const meter: D1Meter = { rowsRead: 0, queries: 0, roundTrips: 0 };
  const count = (meta: D1Meta | undefined) => {
    meter.queries += 1;
    meter.rowsRead += meta?.rows_read ?? 0;
  };
  const real = new WeakMap<object, D1PreparedStatement>();
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const wrapped = {
      bind: (...values: unknown[]) => wrap(statement.bind(...values)),
      all: async () => {
        meter.roundTrips += 1;
        const result = await statement.all();
        count(result.meta);
        return result;
      },
      run: async () => {
        meter.roundTrips += 1;
        const result = await statement.run();
        count(result.meta);
        return result;
      },
      first: async (column?: string) => {
        meter.roundTrips += 1;
        const result = await statement.all();
        count(result.meta);
        const row = result.results[0] as Record<string, unknown> | undefined;
        return column ? row?.[column] : (row ?? null);
      },
      raw: async (options?: { columnNames?: boolean }) => {
        meter.roundTrips += 1;
        const rows = await statement.raw(options as { columnNames: true });
        count((await statement.all()).meta);
        return rows;
      },
    } as unknown as D1PreparedStatement;
    real.set(wrapped, statement);
    return wrapped;
  };
  const metered = {
    prepare: (query: string) => wrap(database.prepare(query)),
    batch: async (statements: D1PreparedStatement[]) => {
      meter.roundTrips += 1;
      const results = await database.batch(statements.map((s) => real.get(s) ?? s));
      for (const result of results) count(result.meta);
      return results;
    },
    exec: (query: string) => database.exec(query),
  } as unknown as D1Database;
  return { db: drizzle(metered), meter };
}

/** Loads generated catalog rows (see scripts/seed) straight into D1, a few hundred KB per batch. */
export async function loadRows(database: D1Database, statements: Iterable<string>): Promise<void> {
  let batch: D1PreparedStatement[] = [];
  for (const statement of statements) {
    batch.push(database.prepare(statement));
    if (batch.length === 20) {
      await database.batch(batch);
      batch = [];
    }
  }
  if (batch.length) await database.batch(batch);
}
