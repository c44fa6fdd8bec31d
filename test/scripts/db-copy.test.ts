import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonical } from "../../scripts/db-copy/checksum.ts";
import { copyToPlanetScale, verifyCopy } from "../../scripts/db-copy/copy.ts";
import { type D1Source, localD1, openD1State } from "../../scripts/db-copy/d1.ts";
import { type PlanetScaleTarget, planetScaleTarget } from "../../scripts/db-copy/planetscale.ts";
import { generateCatalog } from "../../scripts/seed/catalog.mjs";
import { CATALOG_TABLES, inserts } from "../../scripts/seed/sql.mjs";
import { type LocalPlanetScale, startLocalPlanetScale } from "../support/local-planetscale.ts";

// `npm run db:copy` end to end: a small D1 (the real D1 migrations, a generated catalog, rows with JSON and
// accents) in a local state directory, copied into a fresh MariaDB behind the PlanetScale API and verified.

const BOOKS = 60;
const ADDRESSES = '[{"name":"Zoë Brontë","line1":"1 Rue des Lilas","country":"FR","postcode":"75011"}]';

let stateDir: string;
let mysql: LocalPlanetScale;

/** A D1 database in `stateDir`, as `wrangler d1 … --local --persist-to stateDir` would keep it. */
async function seedLocalD1() {
  const { binding: db, close } = await localD1(stateDir);
  try {
    const migrations = join("schema", "migrations");
    for (const file of readdirSync(migrations)
      .filter((name) => name.endsWith(".sql"))
      .sort()) {
      const statements = readFileSync(join(migrations, file), "utf8").split("--> statement-breakpoint");
      await db.batch(statements.filter((statement) => statement.trim()).map((statement) => db.prepare(statement)));
    }
    const rows = generateCatalog({ books: BOOKS });
    for (const table of ["users", "user_roles", "sellers", ...CATALOG_TABLES]) {
      for (const statement of inserts(table, rows[table] ?? [])) await db.prepare(statement).run();
    }
    await db.prepare("UPDATE users SET shipping_addresses = ?").bind(ADDRESSES).run();
    await db
      .prepare("INSERT INTO audit_log (id, user_id, type, detail, created_at) VALUES (?, ?, ?, ?, ?)")
      .bind("aud_1", rows.users![0]!.id, "role.granted", '{"role":"seller","by":{"id":"usr_9","name":"Ann"}}', 1)
      .run();
  } finally {
    await close();
  }
}

/** The script as an operator runs it (asynchronously: the PlanetScale API it talks to runs in this process). */
function dbCopy(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const env = { ...process.env, ...mysql.vars };
  const argv = ["scripts/db-copy.mjs", "--to", "planetscale", "--from", stateDir, ...args];
  return new Promise((resolve) => {
    execFile(process.execPath, argv, { env }, (error, stdout, stderr) =>
      resolve({ status: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), "bazaar-d1-"));
  await seedLocalD1();
  // No migrations: the copy applies what the target lacks.
  mysql = await startLocalPlanetScale({ username: "bazaar-copy-test", migrate: false });
});

afterAll(async () => {
  await mysql?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

describe("npm run db:copy -- --to planetscale", () => {
  it("migrates an empty MySQL database, copies every table and verifies each one", async () => {
    const { status, stdout, stderr } = await dbCopy();

    expect(stderr).not.toMatch(/Error/);
    expect(status).toBe(0);
    expect(stdout).toMatch(new RegExp(`^editions +${BOOKS} +${BOOKS} +ok$`, "m"));
    expect(stdout).toMatch(/^audit_log +1 +1 +ok$/m);
    expect(stdout).toMatch(/^All \d+ tables match: row counts and checksums\.$/m);
    expect(stdout).not.toMatch(/MISMATCH/);
  });

  it("refuses a database that already holds rows, and copies it again with --replace", async () => {
    const refused = await dbCopy();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/already holds rows in .*editions.*pass --replace/);

    const replaced = await dbCopy("--replace");
    expect(replaced.status).toBe(0);
    expect(replaced.stdout).toMatch(new RegExp(`^editions +${BOOKS} +${BOOKS} +ok$`, "m"));
  });

  describe("the verification", () => {
    let source: D1Source;
    let target: PlanetScaleTarget;

    beforeAll(async () => {
      source = await openD1State(stateDir);
      target = planetScaleTarget(mysql.proxy);
    });
    afterAll(() => source?.close());

    it("fails a table whose copy has one value changed, and one with a row missing", async () => {
      await copyToPlanetScale(source.db, target, { replace: true });
      await target.execute("UPDATE users SET shipping_addresses = '[]' ORDER BY id LIMIT 1");
      await target.execute("DELETE FROM listings ORDER BY id DESC LIMIT 1");

      const checks = await verifyCopy(source.db, target);
      const failed = checks.filter((check) => !check.ok);

      expect(failed.map((check) => check.table)).toEqual(["listings", "users"]);
      const users = failed.find((check) => check.table === "users")!;
      expect(users.target.rows).toBe(users.source.rows);
      expect(users.target.checksum).not.toBe(users.source.checksum);
      const listings = failed.find((check) => check.table === "listings")!;
      expect(listings.target.rows).toBe(listings.source.rows - 1);
    });

    it("holds JSON equal however MySQL 8 reorders and spaces a document", () => {
      expect(canonical("json", '{"role":"seller","by":{"name":"Ann","id":"usr_9"}}')).toBe(
        canonical("json", '{"by": {"id": "usr_9", "name": "Ann"}, "role": "seller"}'),
      );
      expect(canonical("integer", 1700000000000)).toBe(canonical("integer", "1700000000000"));
      expect(canonical("json", "[1,2]")).not.toBe(canonical("json", "[2,1]"));
    });
  });
});
