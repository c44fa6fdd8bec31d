import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";

/** How a column's values are compared across the two drivers (see checksum.ts). */
export type ValueKind = "integer" | "real" | "text" | "json";

export interface CopiedColumn {
  name: string;
  kind: ValueKind;
}

/** A table as the copy sees it: its columns in declaration order and its primary key, the paging order. */
export interface CopiedTable {
  name: string;
  columns: CopiedColumn[];
  key: string[];
}

const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../schema");

/** drizzle's SQLite column types, by what their stored values are. */
const KINDS: Record<string, ValueKind> = {
  SQLiteInteger: "integer",
  SQLiteBoolean: "integer",
  SQLiteTimestamp: "integer",
  SQLiteReal: "real",
  SQLiteText: "text",
  SQLiteTextJson: "json",
};

/**
 * Every drizzle table of `schema/*.ts` (one file per module), by name. The FTS5 index and D1's own tables are
 * not declared there, so they are not copied: InnoDB builds its FULLTEXT index from `search_documents` itself.
 */
export async function copiedTables(): Promise<CopiedTable[]> {
  const files = readdirSync(SCHEMA_DIR).filter((file) => file.endsWith(".ts") && file !== "index.ts");
  const tables: CopiedTable[] = [];
  for (const file of files) {
    const module: Record<string, unknown> = await import(pathToFileURL(join(SCHEMA_DIR, file)).href);
    for (const value of Object.values(module)) if (is(value, SQLiteTable)) tables.push(describe(value));
  }
  return tables.sort((a, b) => a.name.localeCompare(b.name));
}

function describe(table: SQLiteTable): CopiedTable {
  const config = getTableConfig(table);
  const columns = config.columns.map((column) => {
    const kind = KINDS[column.columnType];
    if (!kind) throw new Error(`${config.name}.${column.name}: no rule to compare ${column.columnType} values`);
    return { name: column.name, kind };
  });
  const key =
    config.primaryKeys[0]?.columns.map((column) => column.name) ??
    config.columns.filter((column) => column.primary).map((column) => column.name);
  if (key.length === 0) throw new Error(`${config.name} has no primary key to page by`);
  return { name: config.name, columns, key };
}
