import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Client } from "@planetscale/database";
import { drizzle } from "drizzle-orm/planetscale-serverless";
import { migrate } from "drizzle-orm/planetscale-serverless/migrator";

/** drizzle-kit's MySQL output (`schema/mysql/`), beside the D1 migrations in `schema/migrations/`. */
export const MYSQL_MIGRATIONS = "./schema/mysql/migrations";
/** Where drizzle's migrator records what it applied (its default name). */
export const MIGRATIONS_TABLE = "__drizzle_migrations";

export interface PlanetScaleAddress {
  host: string;
  username: string;
  password: string;
}

/** Applies the MySQL migrations with drizzle's own migrator for the real driver, through the PlanetScale API. */
export async function applyMySqlMigrations(database: PlanetScaleAddress, migrationsFolder = MYSQL_MIGRATIONS) {
  const url = `http://${encodeURIComponent(database.username)}:${encodeURIComponent(database.password)}@${database.host}`;
  await migrate(drizzle({ client: new Client({ url }) }), { migrationsFolder, migrationsTable: MIGRATIONS_TABLE });
}

/** The rows the migrations themselves insert (e.g. catalog_versions), to put back after a test empties the tables. */
export function seedStatements(migrationsFolder = MYSQL_MIGRATIONS): string[] {
  return readdirSync(migrationsFolder)
    .filter((name) => name.endsWith(".sql"))
    .sort()
    .flatMap((name) => readFileSync(join(migrationsFolder, name), "utf8").split("--> statement-breakpoint"))
    .map((statement) => statement.replace(/^\s*--.*$/gm, "").trim())
    .filter((statement) => /^insert\b/i.test(statement));
}
