// `npm run start:planetscale`: `npm start` with the relational store on MySQL. A local MariaDB (data kept in
// .wrangler/mariadb), the PlanetScale HTTP API in front of it and the MySQL migrations come first; the Worker
// then runs with DATABASE=planetscale and talks to it through the real @planetscale/database driver. An empty
// MySQL catalog gets the demo catalog: seeded into the local D1 as `npm start` does, then `db:copy --local`.
import { randomUUID } from "node:crypto";
import { startMariaDbServer } from "../test/support/mariadb-server.ts";
import { applyMySqlMigrations } from "../test/support/mysql-migrations.ts";
import { startPlanetScaleProxy } from "../test/support/planetscale-proxy.ts";
import { LOCAL_MYSQL, seedLocalCatalog } from "./db-copy/local.ts";
import { prepareDevVars, serve } from "./local-dev.mjs";

prepareDevVars();
const mariadb = await startMariaDbServer(LOCAL_MYSQL);
const proxy = await startPlanetScaleProxy({
  socketPath: mariadb.socketPath,
  database: mariadb.database,
  username: "bazaar-dev",
  password: randomUUID(),
});
await applyMySqlMigrations(proxy);
await seedLocalCatalog(proxy);
console.log(`MariaDB ${mariadb.database} on 127.0.0.1:${mariadb.port}, PlanetScale API on ${proxy.host}`);
serve(
  [
    "--var",
    "DATABASE:planetscale",
    "--var",
    `PLANETSCALE_HOST:${proxy.host}`,
    "--var",
    `PLANETSCALE_USERNAME:${proxy.username}`,
    "--var",
    `PLANETSCALE_PASSWORD:${proxy.password}`,
  ],
  async () => {
    await proxy.close();
    await mariadb.stop();
  },
);
