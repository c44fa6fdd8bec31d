import { Client, cast } from "@planetscale/database";
import { drizzle } from "drizzle-orm/planetscale-serverless";
import { migrate } from "drizzle-orm/planetscale-serverless/migrator";
import { MIGRATIONS_TABLE, MYSQL_MIGRATIONS, seedStatements } from "../../test/support/mysql-migrations.ts";
import { quoted, type SqlDatabase } from "./pages.ts";
import type { CopiedTable } from "./tables.ts";

export interface PlanetScaleCredentials {
  host: string;
  username: string;
  password: string;
}

/** The copy's target, through the same @planetscale/database driver the Worker uses. */
export interface PlanetScaleTarget extends SqlDatabase {
  dialect: "mysql";
  /** Runs a statement; answers the rows it affected. */
  execute(query: string): Promise<number>;
  /** Applies the MySQL migrations that are missing (drizzle's migrator records them in `__drizzle_migrations`). */
  migrate(): Promise<void>;
}

/** Loopback hosts are the local stand-in of the API, over plain HTTP, as in workers/platform/planetscale.ts. */
function isLocalHost(host: string): boolean {
  const name = host.replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
  return name === "localhost" || name === "::1" || /^127\./.test(name);
}

export function planetScaleTarget(credentials: PlanetScaleCredentials): PlanetScaleTarget {
  const scheme = isLocalHost(credentials.host) ? "http" : "https";
  const url = `${scheme}://${encodeURIComponent(credentials.username)}:${encodeURIComponent(credentials.password)}@${credentials.host}`;
  // JSON as the text the server holds, not parsed: checksum.ts puts both sides' values in one form.
  const client = new Client({
    url,
    cast: (field, value) => cast(field.type === "JSON" ? { ...field, type: "TEXT" } : field, value),
  });
  return {
    dialect: "mysql",
    rows: async (query, args) => (await client.execute(query, args, { as: "array" })).rows as unknown[][],
    execute: async (query) => (await client.execute(query)).rowsAffected,
    migrate: () =>
      migrate(drizzle({ client: new Client({ url }) }), {
        migrationsFolder: MYSQL_MIGRATIONS,
        migrationsTable: MIGRATIONS_TABLE,
      }),
  };
}

/** Tables the MySQL migrations themselves fill (catalog_versions): the source's rows replace theirs. */
export function tablesTheMigrationsFill(): Set<string> {
  const filled = seedStatements().map((statement) => /^insert\s+into\s+`?(\w+)`?/i.exec(statement)?.[1]);
  return new Set(filled.filter((name): name is string => name !== undefined));
}

/** The tables among `tables` that hold at least one row. */
export async function tablesInUse(target: PlanetScaleTarget, tables: CopiedTable[]): Promise<string[]> {
  const probes = tables.map((table) => `(SELECT '${table.name}' AS name FROM ${quoted(target, table.name)} LIMIT 1)`);
  return (await target.rows(probes.join(" UNION ALL "))).map(([name]) => String(name));
}

/** PlanetScale refuses a statement that deletes more than 100,000 rows; this stays well under it. */
const DELETE_ROWS = 10_000;

export async function empty(target: PlanetScaleTarget, table: string): Promise<void> {
  let deleted: number;
  do deleted = await target.execute(`DELETE FROM ${quoted(target, table)} LIMIT ${DELETE_ROWS}`);
  while (deleted === DELETE_ROWS);
}
