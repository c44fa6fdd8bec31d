import { format } from "@planetscale/database";
import { summarise, type TableSummary } from "./checksum.ts";
import { pages, quoted, type SqlDatabase } from "./pages.ts";
import { empty, type PlanetScaleTarget, tablesInUse, tablesTheMigrationsFill } from "./planetscale.ts";
import { type CopiedTable, copiedTables } from "./tables.ts";

/** A copy that would be wrong to start: its message says what to do instead. */
export class CopyRefused extends Error {}

/**
 * One INSERT carries at most this much. PlanetScale refuses a statement touching more than 100,000 rows or
 * running past 30 s (DML), and one D1 row can be 2 MB: a megabyte or a thousand rows stays far from all three.
 */
const BATCH_ROWS = 1_000;
const BATCH_BYTES = 1024 * 1024;
const READ_ROWS = 2_000;

export interface CopyOptions {
  /** Empty a target that already holds rows instead of refusing it. */
  replace?: boolean;
  log?: (line: string) => void;
}

export interface TableCopy {
  table: string;
  rows: number;
  batches: number;
}

export interface TableCheck {
  table: string;
  source: TableSummary;
  target: TableSummary;
  ok: boolean;
}

/**
 * Copies every table of schema/*.ts from a D1 database into MySQL: the MySQL migrations first (those missing),
 * then each table in primary-key order, in multi-row INSERTs. The target must be empty (the rows its own
 * migrations insert aside) unless `replace`, which empties it first, so a failed or repeated copy is re-run
 * with `replace` and ends the same.
 */
export async function copyToPlanetScale(
  source: SqlDatabase,
  target: PlanetScaleTarget,
  { replace = false, log = () => {} }: CopyOptions = {},
): Promise<TableCopy[]> {
  const tables = await copiedTables();
  await requireTables(source, tables);
  await target.migrate();
  const filled = tablesTheMigrationsFill();
  const holding = await tablesInUse(target, tables);
  const inUse = holding.filter((name) => !filled.has(name));
  if (inUse.length > 0 && !replace) {
    throw new CopyRefused(
      `The MySQL database already holds rows in ${inUse.join(", ")}: pass --replace to empty it first, or point ` +
        "PLANETSCALE_HOST at an empty database.",
    );
  }
  for (const name of holding) await empty(target, name);
  const copies: TableCopy[] = [];
  for (const table of tables) {
    const copy = await copyTable(source, target, table);
    if (copy.rows > 0) log(`${table.name}: ${copy.rows.toLocaleString("en")} rows in ${copy.batches} INSERTs`);
    copies.push(copy);
  }
  return copies;
}

async function copyTable(source: SqlDatabase, target: PlanetScaleTarget, table: CopiedTable): Promise<TableCopy> {
  const head = `INSERT INTO ${quoted(target, table.name)} (${table.columns.map((c) => quoted(target, c.name)).join(", ")}) VALUES `;
  const placeholders = `(${table.columns.map(() => "?").join(", ")})`;
  const copy = { table: table.name, rows: 0, batches: 0 };
  let tuples: string[] = [];
  let bytes = head.length;
  const flush = async () => {
    if (tuples.length === 0) return;
    await target.execute(head + tuples.join(", "));
    copy.batches += 1;
    tuples = [];
    bytes = head.length;
  };
  for await (const page of pages(source, table, READ_ROWS)) {
    for (const row of page) {
      const tuple = format(placeholders, row);
      const size = Buffer.byteLength(tuple) + 2;
      if (tuples.length === BATCH_ROWS || (tuples.length > 0 && bytes + size > BATCH_BYTES)) await flush();
      tuples.push(tuple);
      bytes += size;
      copy.rows += 1;
    }
  }
  await flush();
  return copy;
}

/** Refuses a source that lacks any of the tables (its D1 migrations are behind the schema). */
async function requireTables(source: SqlDatabase, tables: CopiedTable[]): Promise<void> {
  const present = new Set(
    (await source.rows("SELECT name FROM sqlite_master WHERE type = 'table'")).map(([name]) => String(name)),
  );
  const missing = tables.filter((table) => !present.has(table.name)).map((table) => table.name);
  if (missing.length > 0) {
    throw new CopyRefused(
      `The D1 database has no ${missing.join(", ")}: apply the D1 migrations to it first (npm run db:migrate).`,
    );
  }
}

/** Each table's row count and checksum on both sides (see checksum.ts), read again from the databases. */
export async function verifyCopy(source: SqlDatabase, target: SqlDatabase): Promise<TableCheck[]> {
  const checks: TableCheck[] = [];
  for (const table of await copiedTables()) {
    const [from, to] = await Promise.all([summarise(source, table), summarise(target, table)]);
    checks.push({
      table: table.name,
      source: from,
      target: to,
      ok: from.rows === to.rows && from.checksum === to.checksum,
    });
  }
  return checks;
}

/** The verification as a table: `table  D1 rows  MySQL rows  checksum`. */
export function checkReport(checks: TableCheck[]): string {
  const count = (n: number) => n.toLocaleString("en");
  const lines = checks.map((check) => [
    check.table,
    count(check.source.rows),
    count(check.target.rows),
    check.ok ? "ok" : check.source.rows === check.target.rows ? "MISMATCH (values)" : "MISMATCH (rows)",
  ]);
  const header = ["table", "D1 rows", "MySQL rows", "checksum"];
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  const render = (cells: string[]) =>
    cells.map((cell, i) => (i === 1 || i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  ");
  return [header, widths.map((width) => "-".repeat(width)), ...lines].map(render).join("\n").replace(/ +$/gm, "");
}
