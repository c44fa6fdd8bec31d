// `npm start`: prepares the local environment (dev secrets, D1 migrations, demo data) and serves the API
// on http://127.0.0.1:8787 with local D1, Durable Objects, Queues and R2. No account, no network.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync } from "node:fs";

const run = (args) => {
  const result = spawnSync("wrangler", args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!existsSync(".dev.vars")) {
  copyFileSync(".dev.vars.example", ".dev.vars");
  console.log("Created .dev.vars from .dev.vars.example (development secrets).");
}
run(["d1", "migrations", "apply", "DB", "--local"]);
const seed = spawnSync("node", ["scripts/seed.mjs", "--if-empty"], { stdio: "inherit" });
if (seed.status !== 0) process.exit(seed.status ?? 1);

const dev = spawn("wrangler", ["dev", "--ip", "127.0.0.1", "--port", "8787", "--test-scheduled"], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));
