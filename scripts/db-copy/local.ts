import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import { startMariaDbServer } from "../../test/support/mariadb-server.ts";
import { startPlanetScaleProxy } from "../../test/support/planetscale-proxy.ts";
import { CopyRefused, copyToPlanetScale, verifyCopy } from "./copy.ts";
import { openD1State } from "./d1.ts";
import { type PlanetScaleCredentials, planetScaleTarget } from "./planetscale.ts";

/** The MariaDB of `npm run start:planetscale`: its data directory and database. */
export const LOCAL_MYSQL = { dataDir: ".wrangler/mariadb", database: "bookbazaar" };

export interface LocalPlanetScale {
  credentials: PlanetScaleCredentials;
  close(): Promise<void>;
}

/**
 * The local MariaDB behind a PlanetScale API of our own: the one `npm run start:planetscale` is running (found
 * by its socket, since a second server cannot open the same data directory), or one started for the copy.
 */
export async function localPlanetScale(): Promise<LocalPlanetScale> {
  const socketPath = join(LOCAL_MYSQL.dataDir, "mariadb.sock");
  const mariadb = (await answers(socketPath)) ? undefined : await startMariaDbServer(LOCAL_MYSQL);
  const proxy = await startPlanetScaleProxy({
    socketPath: mariadb?.socketPath ?? socketPath,
    database: LOCAL_MYSQL.database,
    username: "bazaar-copy",
    password: randomUUID(),
  });
  return {
    credentials: proxy,
    close: async () => {
      await proxy.close();
      await mariadb?.stop();
    },
  };
}

async function answers(socketPath: string): Promise<boolean> {
  try {
    await (await createConnection({ socketPath, user: "root" })).end();
    return true;
  } catch {
    return false;
  }
}

/**
 * `npm run start:planetscale`'s demo data: when MySQL has no catalog yet, the local D1 gets its migrations and
 * the demo catalog (`npm run db:seed -- --if-empty`), and is copied over. Anything else already in MySQL is
 * left alone: the copy refuses, and the server starts with what is there.
 */
export async function seedLocalCatalog(credentials: PlanetScaleCredentials): Promise<void> {
  const target = planetScaleTarget(credentials);
  const [[editions]] = await target.rows("SELECT count(*) FROM editions");
  if (Number(editions) > 0) return;
  for (const command of [
    ["wrangler", "d1", "migrations", "apply", "DB", "--local"],
    ["node", "scripts/seed.mjs", "--if-empty"],
  ]) {
    const result = spawnSync(command[0]!, command.slice(1), { stdio: "inherit" });
    if (result.status !== 0) throw new Error(`${command.join(" ")} exited with ${result.status}`);
  }
  const source = await openD1State();
  try {
    await copyToPlanetScale(source.db, target);
    const mismatched = (await verifyCopy(source.db, target)).filter((check) => !check.ok);
    if (mismatched.length > 0) throw new Error(`the copy differs in ${mismatched.map((c) => c.table).join(", ")}`);
    console.log("Copied the local D1 database (demo catalog) into MySQL and verified it.");
  } catch (error) {
    if (!(error instanceof CopyRefused)) throw error;
    console.warn(`Not copying the demo catalog: ${error.message}`);
  } finally {
    await source.close();
  }
}
