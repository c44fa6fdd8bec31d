// `npm run db:copy -- --to planetscale [--local] [--from DIR] [--replace]`: copies a D1 database into MySQL
// (PlanetScale) in batches, then verifies each table's row count and checksum on both sides and exits non-zero
// on any difference. The migration path off D1: README "Moving to PlanetScale".
//   --from DIR      a local D1 state (the directory `wrangler d1 … --local --persist-to` names); default
//                   .wrangler/state, the database of `npm start`
//   --local         the local MariaDB of `npm run start:planetscale` (started if it is not running) instead of
//                   PLANETSCALE_HOST, PLANETSCALE_USERNAME, PLANETSCALE_PASSWORD (environment or .dev.vars)
//   --replace       empty a MySQL database that already holds rows, instead of refusing it
//   --export-steps  print the commands that bring the production D1 into a local state first
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { CopyRefused, checkReport, copyToPlanetScale, verifyCopy } from "./db-copy/copy.ts";
import { LOCAL_D1_STATE, openD1State } from "./db-copy/d1.ts";
import { localPlanetScale } from "./db-copy/local.ts";
import { planetScaleTarget } from "./db-copy/planetscale.ts";
import { copiedTables } from "./db-copy/tables.ts";

const { values } = parseArgs({
  options: {
    to: { type: "string" },
    from: { type: "string", default: LOCAL_D1_STATE },
    local: { type: "boolean", default: false },
    replace: { type: "boolean", default: false },
    "export-steps": { type: "boolean", default: false },
  },
});

if (values["export-steps"]) {
  console.log(await exportSteps());
  process.exit(0);
}
if (values.to !== "planetscale") {
  console.error("Usage: npm run db:copy -- --to planetscale [--local] [--from DIR] [--replace] (or --export-steps)");
  process.exit(2);
}

const source = await openD1State(values.from).catch(refused);
const local = values.local ? await localPlanetScale() : undefined;
const credentials = local?.credentials ?? configuredCredentials();
try {
  const target = planetScaleTarget(credentials);
  const started = Date.now();
  console.error(`Copying ${values.from} into MySQL at ${credentials.host}…`);
  const copies = await copyToPlanetScale(source.db, target, {
    replace: values.replace,
    log: (line) => console.error(`  ${line}`),
  }).catch(refused);
  const rows = copies.reduce((sum, copy) => sum + copy.rows, 0);
  console.error(
    `Copied ${rows.toLocaleString("en")} rows in ${((Date.now() - started) / 1000).toFixed(1)} s; verifying…`,
  );
  const checks = await verifyCopy(source.db, target);
  console.log(checkReport(checks));
  const mismatched = checks.filter((check) => !check.ok);
  if (mismatched.length > 0) {
    console.error(
      `\n${mismatched.length} table(s) differ: ${mismatched.map((check) => check.table).join(", ")}. Was the D1 ` +
        "database written to during the copy? Stop its writers and run again with --replace.",
    );
    process.exitCode = 1;
  } else {
    console.log(`\nAll ${checks.length} tables match: row counts and checksums.`);
  }
} finally {
  await source.close();
  await local?.close();
}

/** A refusal is the operator's to act on: its message, no stack. */
function refused(error) {
  if (!(error instanceof CopyRefused)) throw error;
  console.error(error.message);
  process.exit(1);
}

function configuredCredentials() {
  const file = existsSync(".dev.vars") ? devVars(readFileSync(".dev.vars", "utf8")) : {};
  const value = (key) => process.env[key] || file[key];
  const credentials = {
    host: value("PLANETSCALE_HOST"),
    username: value("PLANETSCALE_USERNAME"),
    password: value("PLANETSCALE_PASSWORD"),
  };
  if (!credentials.host || !credentials.username || !credentials.password) {
    console.error(
      "Set PLANETSCALE_HOST, PLANETSCALE_USERNAME and PLANETSCALE_PASSWORD (in the environment or .dev.vars), " +
        "or pass --local for the MariaDB of `npm run start:planetscale`.",
    );
    process.exit(2);
  }
  return credentials;
}

/** KEY=VALUE lines as wrangler reads .dev.vars: `#` comments, optional quotes. */
function devVars(text) {
  const vars = {};
  for (const line of text.split("\n")) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) vars[match[1]] = match[2].replace(/^(['"])(.*)\1$/, "$2");
  }
  return vars;
}

/**
 * The production D1 as a local state: its rows exported table by table (D1 refuses to export a database that has
 * a virtual table, and the FTS5 index `edition_search` is one), loaded into a local database migrated to the same
 * schema, less the rows those migrations insert, which the export brings back.
 */
async function exportSteps() {
  const tables = (await copiedTables()).map((table) => table.name);
  const migrations = join("schema", "migrations");
  const seeded = new Set(
    readdirSync(migrations)
      .filter((file) => file.endsWith(".sql"))
      .flatMap((file) => [...readFileSync(join(migrations, file), "utf8").matchAll(/INSERT INTO\s+[`"]?(\w+)/gi)])
      .map((match) => match[1])
      .filter((table) => tables.includes(table)),
  );
  const state = "d1-production";
  const flags = tables.map((table) => `--table ${table}`);
  const lines = Array.from({ length: Math.ceil(flags.length / 6) }, (_, i) => flags.slice(i * 6, i * 6 + 6).join(" "));
  return [
    "npx wrangler d1 export DB --env production --remote --no-schema --output d1-production.sql \\",
    lines.map((line) => `  ${line}`).join(" \\\n"),
    `npx wrangler d1 migrations apply DB --local --persist-to ${state}`,
    ...[...seeded].map(
      (table) => `npx wrangler d1 execute DB --local --persist-to ${state} --command "DELETE FROM ${table}"`,
    ),
    `npx wrangler d1 execute DB --local --persist-to ${state} --file d1-production.sql`,
    `npm run db:copy -- --to planetscale --from ${state}`,
  ].join("\n");
}
