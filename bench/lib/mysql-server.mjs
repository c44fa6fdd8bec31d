// The bench's MySQL for `--database planetscale`, in a process of its own so the PlanetScale API stand-in does
// not share an event loop with the load generator: a MariaDB (data in argv[2]) behind test/support's proxy.
// Prints its credentials as one JSON line and stops when its stdin closes (the runner exiting, however it exits).
import { startLocalPlanetScale } from "../../test/support/local-planetscale.ts";

// The runner copies the bench catalog in with db:copy's code, which applies the migrations itself.
const { proxy, stop } = await startLocalPlanetScale({
  username: "bazaar-bench",
  mariadb: { dataDir: process.argv[2] },
  migrate: false,
});
process.stdout.write(`${JSON.stringify({ host: proxy.host, username: proxy.username, password: proxy.password })}\n`);

process.stdin.on("end", async () => {
  await stop();
  process.exit(0);
});
process.stdin.resume();
