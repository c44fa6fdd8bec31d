// `npm run start:planetscale`: `npm start` with the relational store on MySQL. A local MariaDB (data kept in
// .wrangler/mariadb), the PlanetScale HTTP API in front of it and the MySQL migrations come first; the Worker
// then runs with DATABASE=planetscale and talks to it through the real @planetscale/database driver. An empty
// MySQL catalog gets the demo catalog: seeded into the local D1 as `npm start` does, then `db:copy --local`.
import { startLocalPlanetScale } from "../test/support/local-planetscale.ts";
import { LOCAL_MYSQL, seedLocalCatalog } from "./db-copy/local.ts";
import { prepareDevVars, serve } from "./local-dev.mjs";

prepareDevVars();
const mysql = await startLocalPlanetScale({ username: "bazaar-dev", mariadb: LOCAL_MYSQL });
await seedLocalCatalog(mysql.proxy);
console.log(
  `MariaDB ${mysql.mariadb.database} on 127.0.0.1:${mysql.mariadb.port}, PlanetScale API on ${mysql.proxy.host}`,
);
serve(
  Object.entries(mysql.vars).flatMap(([key, value]) => ["--var", `${key}:${value}`]),
  mysql.stop,
);
