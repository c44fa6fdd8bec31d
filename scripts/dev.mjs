// `npm start`: prepares the local environment (dev secrets, D1 migrations, demo data) and serves the API
// on http://127.0.0.1:8787 with local D1, Durable Objects, Queues and R2. No account, no network.
import { spawnSync } from "node:child_process";
import { prepareDevVars, serve } from "./local-dev.mjs";

const run = (args) => {
  const result = spawnSync("wrangler", args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

prepareDevVars();
run(["d1", "migrations", "apply", "DB", "--local"]);
const seed = spawnSync("node", ["scripts/seed.mjs", "--if-empty"], { stdio: "inherit" });
if (seed.status !== 0) process.exit(seed.status ?? 1);
serve();
