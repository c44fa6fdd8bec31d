// The bench's MySQL for `--database planetscale`, in a process of its own so the PlanetScale API stand-in does
// not share an event loop with the load generator: a MariaDB (data in argv[2]) behind test/support's proxy.
// Prints its credentials as one JSON line and stops when its stdin closes (the runner exiting, however it exits).
import { randomUUID } from "node:crypto";
import { startMariaDbServer } from "../../test/support/mariadb-server.ts";
import { startPlanetScaleProxy } from "../../test/support/planetscale-proxy.ts";

const mariadb = await startMariaDbServer({ dataDir: process.argv[2] });
const proxy = await startPlanetScaleProxy({
  socketPath: mariadb.socketPath,
  database: mariadb.database,
  username: "bazaar-bench",
  password: randomUUID(),
});
process.stdout.write(`${JSON.stringify({ host: proxy.host, username: proxy.username, password: proxy.password })}\n`);

process.stdin.on("end", async () => {
  await proxy.close();
  await mariadb.stop();
  process.exit(0);
});
process.stdin.resume();
