/**
 * Bench mode only: what one request's D1 queries cost, summed from D1's own result metadata
 * (`meta.rows_read`, `meta.rows_written`, `meta.duration`). Outside bench mode nothing here runs.
 */
export interface D1Usage {
  queries: number;
  rowsRead: number;
  rowsWritten: number;
  durationMs: number;
  /** A query went through a D1 call that returns no metadata, so the sums are a floor, not the total. */
  partial: boolean;
}

export function emptyD1Usage(): D1Usage {
  return { queries: 0, rowsRead: 0, rowsWritten: 0, durationMs: 0, partial: false };
}

/** `Server-Timing` entry for a request's D1 usage, e.g. `d1;dur=0.4;desc="queries=1 rows_read=1 rows_written=0"`. */
export function formatD1Usage(usage: D1Usage): string {
  const desc = `queries=${usage.queries} rows_read=${usage.rowsRead} rows_written=${usage.rowsWritten}`;
  return `d1;dur=${usage.durationMs.toFixed(2)};desc="${desc}${usage.partial ? " partial" : ""}"`;
}

type Meta = { rows_read?: number; rows_written?: number; duration?: number };

function record(usage: D1Usage, meta: Meta | undefined): void {
  usage.queries += 1;
  if (!meta) {
    usage.partial = true;
    return;
  }
  usage.rowsRead += meta.rows_read ?? 0;
  usage.rowsWritten += meta.rows_written ?? 0;
  usage.durationMs += meta.duration ?? 0;
}

// `raw()` (what drizzle uses for every select with fields) drops D1's metadata. In bench mode such a statement
// runs through `all()` instead and is turned back into arrays in the column order learnt from its first run.
// A result with two columns of one name (a join of two `id`s) cannot round-trip through objects: it keeps `raw()`
// and the request is marked partial. One entry per distinct SQL text, which the code bounds.
const columnsBySql = new Map<string, string[] | null>();
const MAX_REMEMBERED_STATEMENTS = 1_000;

function learnColumns(sql: string, columns: unknown): void {
  if (!Array.isArray(columns) || columnsBySql.size >= MAX_REMEMBERED_STATEMENTS) return;
  const names = columns.map(String);
  columnsBySql.set(sql, new Set(names).size === names.length ? names : null);
}

function meterStatement(statement: D1PreparedStatement, sql: string, usage: D1Usage): D1PreparedStatement {
  const metered: Partial<D1PreparedStatement> = {
    bind: (...values: unknown[]) => meterStatement(statement.bind(...values), sql, usage),
    run: (async () => {
      const result = await statement.run();
      record(usage, result.meta);
      return result;
    }) as D1PreparedStatement["run"],
    all: (async () => {
      const result = await statement.all();
      record(usage, result.meta);
      return result;
    }) as D1PreparedStatement["all"],
    first: (async (column?: string) => {
      const result = await statement.all<Record<string, unknown>>();
      record(usage, result.meta);
      const row = result.results[0];
      if (!row) return null;
      if (column === undefined) return row;
      if (row[column] === undefined) throw new Error(`D1_COLUMN_NOTFOUND: Column not found (${column})`);
      return row[column];
    }) as D1PreparedStatement["first"],
    raw: (async (options?: { columnNames?: boolean }) => {
      const columns = columnsBySql.get(sql);
      if (!columns) {
        // First run (learn the columns) or a result with a repeated column name: no metadata this time.
        const rows = await statement.raw({ columnNames: true });
        usage.queries += 1;
        usage.partial = true;
        if (columns === undefined) learnColumns(sql, rows[0]);
        return options?.columnNames ? rows : rows.slice(1);
      }
      const result = await statement.all<Record<string, unknown>>();
      record(usage, result.meta);
      const rows = result.results.map((row) => columns.map((column) => row[column]));
      return options?.columnNames ? [columns, ...rows] : rows;
    }) as D1PreparedStatement["raw"],
  };
  return withFallback(statement, metered, unwrapped);
}

// Statements handed back to `batch()` must be the binding's own objects.
const unwrapped = new WeakMap<object, D1PreparedStatement>();

function meterSession<T extends D1Database | D1DatabaseSession>(database: T, usage: D1Usage): T {
  const metered: Partial<D1Database> = {
    prepare: (sql: string) => meterStatement(database.prepare(sql), sql, usage),
    batch: (async (statements: D1PreparedStatement[]) => {
      const results = await database.batch(statements.map((statement) => unwrapped.get(statement) ?? statement));
      for (const result of results) record(usage, result.meta);
      return results;
    }) as D1Database["batch"],
  };
  if ("exec" in database) {
    metered.exec = (query: string) => {
      usage.queries += 1;
      usage.partial = true;
      return database.exec(query);
    };
    metered.withSession = (constraint) => meterSession(database.withSession(constraint), usage) as D1DatabaseSession;
  }
  return withFallback(database, metered as Partial<T>);
}

/** Members we meter answer from `metered`; anything else goes to the binding itself, bound to it. */
function withFallback<T extends object>(target: T, metered: Partial<T>, registry?: WeakMap<object, T>): T {
  const proxy = new Proxy(target, {
    get(inner, key) {
      if (Object.hasOwn(metered, key)) return metered[key as keyof T];
      const value = Reflect.get(inner, key, inner);
      return typeof value === "function" ? value.bind(inner) : value;
    },
  });
  registry?.set(proxy, target);
  return proxy;
}

/** A D1 binding that adds every query's metadata to `usage`; same results as the binding it wraps. */
export function meterD1(database: D1Database, usage: D1Usage): D1Database {
  return meterSession(database, usage);
}
