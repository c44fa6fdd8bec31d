// `npm run serve:bun` / `npm run serve:deno`: the read API on Bun or Deno (servers/serve.ts), on 127.0.0.1:8788.
// With PLANETSCALE_HOST, PLANETSCALE_USERNAME and PLANETSCALE_PASSWORD in the environment it reads that database.
// Without them it starts the local MariaDB of `npm run start:planetscale` (.wrangler/mariadb) behind the PlanetScale
// HTTP API first, so it serves what the Worker wrote there; the two cannot hold that data directory at once.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { READ_API_RUNTIMES } from "../servers/runtimes.ts";
import { startLocalPlanetScale } from "../test/support/local-planetscale.ts";
import { LOCAL_MYSQL } from "./db-copy/local.ts";

const runtime = process.argv[2];
if (!(runtime in READ_API_RUNTIMES)) {
  console.error(`usage: node scripts/serve-read-api.mjs <${Object.keys(READ_API_RUNTIMES).join("|")}>`);
  process.exit(2);
}

function running(pidFile) {
  if (!existsSync(pidFile)) return false;
  try {
    process.kill(Number(readFileSync(pidFile, "utf8").trim()), 0);
    return true;
  } catch {
    return false;
  }
}

let stopped = async () => {};
const env = { ...process.env };
if (!env.PLANETSCALE_HOST) {
  if (running(`${LOCAL_MYSQL.dataDir}/mariadb.pid`)) {
    console.error(
      `${LOCAL_MYSQL.dataDir} is in use (npm run start:planetscale?): stop that first, or set PLANETSCALE_HOST, ` +
        "PLANETSCALE_USERNAME and PLANETSCALE_PASSWORD to a database to read.",
    );
    process.exit(1);
  }
  const mysql = await startLocalPlanetScale({ username: "bazaar-dev", mariadb: LOCAL_MYSQL });
  const { mariadb, proxy } = mysql;
  console.log(`MariaDB ${mariadb.database} on 127.0.0.1:${mariadb.port}, PlanetScale API on ${proxy.host}`);
  Object.assign(env, mysql.vars);
  stopped = mysql.stop;
}

const [command, args] = READ_API_RUNTIMES[runtime];
const server = spawn(command, args, { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", async (code) => {
  await stopped();
  process.exit(code ?? 0);
});
