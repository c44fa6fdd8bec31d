import { getTableColumns, getTableName, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { drizzle } from "drizzle-orm/d1";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * The relational store, written once. Stores build their queries on the SQLite table definitions in `schema/`
 * with this type; the same builders render MySQL when the database is PlanetScale (`planetscale.ts`), whose
 * tables `schema/mysql/` declares column for column (the parity test holds the two equal). What the two
 * dialects spell differently goes through the helpers below, never through a dialect's own method:
 * `atomically` (a D1 batch or a MySQL transaction), `readTogether` (a D1 batch or parallel reads), `changes`,
 * `rows`, `execute`, `ignoringDuplicates`, `upserting` and `incoming`. Stores await builders (`await db.select()…`) and never call `.get()`, `.all()`, `.run()`,
 * `.returning()`, `.onConflict…()` or `db.batch()`, which exist in SQLite only; the boundary test enforces it.
 */
export type Db = ReturnType<typeof createDb>;
export type Dialect = "sqlite" | "mysql";
/** A write (or read) that can run inside `atomically`. */
export type Statement = BatchItem<"sqlite">;

const DIALECT = Symbol.for("book-bazaar.dialect");
const TRANSACTION = Symbol.for("book-bazaar.transaction");

/** Runs `work` in one MySQL transaction: every statement awaited inside it goes through that transaction. */
export type TransactionRunner = <T>(work: () => Promise<T>) => Promise<T>;

interface Tagged {
  [DIALECT]?: Dialect;
  [TRANSACTION]?: TransactionRunner;
}

/**
 * A D1 database (or a D1 Sessions API session). No `schema` is passed: it only serves drizzle's relational API
 * (`db.query.*`), which the app does not use, and with it drizzle walks every table of the schema each time a
 * request builds its Db (about 5% of a search request's CPU in `npm run bench`).
 */
export function createDb(database: D1Database | D1DatabaseSession) {
  return drizzle(database as D1Database);
}

/** Tags a MySQL drizzle database so the helpers below speak MySQL to it; `planetscale.ts` is the one caller. */
export function mysqlDb(database: object, transaction: TransactionRunner): Db {
  return Object.assign(database, { [DIALECT]: "mysql", [TRANSACTION]: transaction }) as unknown as Db;
}

export function dialectOf(db: Db): Dialect {
  return (db as Tagged)[DIALECT] ?? "sqlite";
}

/**
 * Runs the statements all or nothing, in order, and answers their results: one D1 batch, or one MySQL
 * transaction (a failing statement, such as a duplicate primary key, rolls back every one of them).
 */
export async function atomically(db: Db, statements: Statement[]): Promise<unknown[]> {
  if (statements.length === 0) return [];
  const transaction = (db as Tagged)[TRANSACTION];
  if (!transaction) return db.batch(statements as [Statement, ...Statement[]]);
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction(async () => {
        const results: unknown[] = [];
        for (const statement of statements) results.push(await statement);
        return results;
      });
    } catch (error) {
      // InnoDB breaks a lock cycle by rolling one transaction back, where D1 would have queued the batch: the
      // builders are lazy, so the whole transaction runs again, after a random pause that lets the others finish.
      if (attempt >= DEADLOCK_ATTEMPTS || !isDeadlock(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * DEADLOCK_PAUSE_MS * attempt));
    }
  }
}

const DEADLOCK_ATTEMPTS = 8;
const DEADLOCK_PAUSE_MS = 15;

function isDeadlock(error: unknown): boolean {
  return failureMessages(error).some((message) => /\(errno 1213\)|deadlock found/i.test(message));
}

/**
 * What a failed query says, its own message and its causes': drizzle wraps the driver's error (the database's
 * refusal) as the cause of its "Failed query" one.
 */
export function failureMessages(error: unknown): string[] {
  const messages: string[] = [];
  for (let cause = error, depth = 0; cause && depth < 4; cause = (cause as { cause?: unknown }).cause, depth++) {
    messages.push(String(cause));
  }
  return messages;
}

/**
 * Runs reads that belong to one answer in as few round trips as the store allows: one D1 batch, or the reads side
 * by side on MySQL (no transaction: the page they build needs no snapshot, and BEGIN/COMMIT would be two more).
 */
export async function readTogether(db: Db, reads: Statement[]): Promise<unknown[]> {
  if (reads.length === 0) return [];
  if (!(db as Tagged)[TRANSACTION]) return db.batch(reads as [Statement, ...Statement[]]);
  return Promise.all(reads);
}

/** How many rows a write changed: D1's `meta.changes` or MySQL's `rowsAffected`. */
export function changes(result: unknown): number {
  const written = result as { meta?: { changes?: number }; rowsAffected?: number } | undefined;
  return written?.meta?.changes ?? written?.rowsAffected ?? 0;
}

/** The rows of a hand-written query (a `sql` template), as objects keyed by the names it selects. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  if (dialectOf(db) === "sqlite") return db.all<T>(query);
  return ((await mysqlExecute(db, query)) as { rows: T[] }).rows;
}

/** Runs a hand-written statement and answers how many rows it changed. */
export async function execute(db: Db, query: SQL): Promise<number> {
  return changes(dialectOf(db) === "sqlite" ? await db.run(query) : await mysqlExecute(db, query));
}

function mysqlExecute(db: Db, query: SQL): Promise<unknown> {
  return (db as unknown as { execute(query: SQL): Promise<unknown> }).execute(query);
}

interface InsertWithConflicts {
  onConflictDoNothing(config?: { target?: SQLiteColumn | SQLiteColumn[] }): unknown;
  onConflictDoUpdate(config: { target: SQLiteColumn | SQLiteColumn[]; set: Record<string, unknown> }): unknown;
}

/** The insert, skipping rows whose key is already there (`changes` counts only the new ones). */
export function ignoringDuplicates<T extends InsertWithConflicts>(db: Db, insert: T, key: SQLiteColumn): T {
  if (dialectOf(db) === "sqlite") return insert.onConflictDoNothing() as T;
  // MySQL: a no-op update of the key (qualified, so an INSERT … SELECT from the same table is not ambiguous);
  // unlike INSERT IGNORE it downgrades no other error to a warning.
  return onDuplicateKey(insert, {
    [propertyOf(key)]: sql`${sql.identifier(getTableName(key.table))}.${sql.identifier(key.name)}`,
  });
}

/**
 * The insert, updating the existing row instead when `target` (a primary key or unique index) is taken. `set`
 * may refer to the row being inserted through `incoming(db, column)` and to the existing row by its columns.
 */
export function upserting<T extends InsertWithConflicts>(
  db: Db,
  insert: T,
  target: SQLiteColumn | SQLiteColumn[],
  set: Record<string, unknown>,
): T {
  if (dialectOf(db) === "sqlite") return insert.onConflictDoUpdate({ target, set }) as T;
  return onDuplicateKey(insert, set);
}

/** The value the conflicting insert brought for `column`: `excluded.x` in SQLite, `VALUES(x)` in MySQL. */
export function incoming(db: Db, column: SQLiteColumn): SQL {
  return dialectOf(db) === "sqlite"
    ? sql`excluded.${sql.identifier(column.name)}`
    : sql`values(${sql.identifier(column.name)})`;
}

function onDuplicateKey<T>(insert: T, set: Record<string, unknown>): T {
  return (
    insert as unknown as { onDuplicateKeyUpdate(config: { set: Record<string, unknown> }): T }
  ).onDuplicateKeyUpdate({ set });
}

function propertyOf(column: SQLiteColumn): string {
  const entry = Object.entries(getTableColumns(column.table)).find(([, candidate]) => candidate === column);
  if (!entry) throw new Error(`column ${column.name} is not in its table`);
  return entry[0];
}
