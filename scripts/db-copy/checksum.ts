import { createHash } from "node:crypto";
import { pages, type SqlDatabase } from "./pages.ts";
import type { CopiedTable, ValueKind } from "./tables.ts";

const PAGE_ROWS = 2_000;

export interface TableSummary {
  rows: number;
  /** sha256 over the table's rows in primary-key order, each value in its canonical form (hex). */
  checksum: string;
}

/**
 * A value as both drivers agree on it: D1 answers numbers for integers, the PlanetScale driver (uncast) their
 * digits; JSON is re-serialised with sorted keys, since MySQL 8 stores a document normalised (keys reordered,
 * spaces added) where SQLite keeps the text it was given.
 */
export function canonical(kind: ValueKind, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case "integer":
    case "text":
      return String(value);
    case "real":
      return String(Number(value));
    case "json":
      return JSON.stringify(sortedKeys(JSON.parse(String(value))));
  }
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
  );
}

/** The table's row count and checksum on one side, read page by page. */
export async function summarise(db: SqlDatabase, table: CopiedTable): Promise<TableSummary> {
  const hash = createHash("sha256");
  let rows = 0;
  for await (const page of pages(db, table, PAGE_ROWS)) {
    for (const row of page) {
      hash.update(`${JSON.stringify(row.map((value, i) => canonical(table.columns[i]!.kind, value)))}\n`);
      rows += 1;
    }
  }
  return { rows, checksum: hash.digest("hex") };
}
