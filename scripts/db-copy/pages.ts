import type { CopiedTable } from "./tables.ts";

/** A database the copy reads from or writes to: rows come back as arrays, in the order the query selects. */
export interface SqlDatabase {
  dialect: "sqlite" | "mysql";
  rows(query: string, args?: unknown[]): Promise<unknown[][]>;
}

export const quoted = (db: SqlDatabase, name: string) => (db.dialect === "mysql" ? `\`${name}\`` : `"${name}"`);

/**
 * The table's rows in primary-key order, `size` at a time, each page picking up after the last key of the one
 * before (keyset paging: every page is an index range, however deep into the table).
 */
export async function* pages(db: SqlDatabase, table: CopiedTable, size: number): AsyncGenerator<unknown[][]> {
  const name = (column: string) => quoted(db, column);
  const select = `SELECT ${table.columns.map((column) => name(column.name)).join(", ")} FROM ${name(table.name)}`;
  const order = ` ORDER BY ${table.key.map(name).join(", ")} LIMIT ${size}`;
  const keyAt = table.key.map((key) => table.columns.findIndex((column) => column.name === key));
  let last: unknown[] | undefined;
  for (;;) {
    const page = last
      ? await db.rows(`${select} WHERE ${after(table.key.map(name))}${order}`, afterArgs(keyAt.map((i) => last![i])))
      : await db.rows(`${select}${order}`);
    if (page.length > 0) yield page;
    if (page.length < size) return;
    last = page[page.length - 1];
  }
}

/** `(a, b) > (?, ?)` spelt out, which both optimisers turn into an index range. */
function after([first, ...rest]: string[]): string {
  return rest.length === 0 ? `${first} > ?` : `${first} > ? OR (${first} = ? AND (${after(rest)}))`;
}

function afterArgs([first, ...rest]: unknown[]): unknown[] {
  return rest.length === 0 ? [first] : [first, first, ...afterArgs(rest)];
}
