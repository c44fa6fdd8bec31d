import { sql } from "drizzle-orm";
import { inject } from "vitest";
import { execute, rows } from "../../workers/platform/db";
import { testDb } from "./database";
import { MIGRATIONS_TABLE } from "./mysql-migrations";

// Each file starts on an empty database, as each gets fresh D1 storage: tables the last file wrote to are
// truncated (which also restarts their AUTO_INCREMENT), and the rows the migrations insert are put back.
const db = testDb();
const tables = await rows<{ name: string; counter: number | null }>(
  db,
  sql`SELECT table_name AS name, auto_increment AS counter FROM information_schema.tables
      WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' AND table_name <> ${MIGRATIONS_TABLE}`,
);
const written = tables.length
  ? await rows<{ name: string }>(
      db,
      sql.join(
        tables.map(({ name }) => sql`(SELECT ${name} AS name FROM ${sql.identifier(name)} LIMIT 1)`),
        sql` UNION ALL `,
      ),
    )
  : [];
const restarted = tables.filter(({ counter }) => (counter ?? 1) > 1).map(({ name }) => name);
for (const name of new Set([...written.map(({ name }) => name), ...restarted])) {
  await execute(db, sql`TRUNCATE TABLE ${sql.identifier(name)}`);
}
for (const statement of inject("mysqlSeeds")) await execute(db, sql.raw(statement));
