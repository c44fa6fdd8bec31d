// `npm start`: prepares the local environment (dev secrets, D1 migrations, demo data) and serves the API
// on http://127.0.0.1:8787 with local D1, Durable Objects, Queues and R2. No account, no network.
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, copyFileSync, existsSync, readFileSync } from "node:fs";

const run = (args) => {
  const result = spawnSync("wrangler", args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

const definedKeys = (file) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line))
    .map((line) => [line.slice(0, line.indexOf("=")), line]);

if (!existsSync(".dev.vars")) {
  copyFileSync(".dev.vars.example", ".dev.vars");
  console.log("Created .dev.vars from .dev.vars.example (development secrets).");
} else {
  // A .dev.vars from an older checkout lacks secrets added since; add those, never touch existing values.
  const present = new Set(definedKeys(".dev.vars").map(([key]) => key));
  const missing = definedKeys(".dev.vars.example").filter(([key]) => !present.has(key));
  if (missing.length > 0) {
    appendFileSync(".dev.vars", `\n${missing.map(([, line]) => line).join("\n")}\n`);
    console.log(`Added ${missing.map(([key]) => key).join(", ")} to .dev.vars from .dev.vars.example.`);
  }
}
run(["d1", "migrations", "apply", "DB", "--local"]);
const seed = spawnSync("node", ["scripts/seed.mjs", "--if-empty"], { stdio: "inherit" });
if (seed.status !== 0) process.exit(seed.status ?? 1);

const dev = spawn("wrangler", ["dev", "--ip", "127.0.0.1", "--port", "8787", "--test-scheduled"], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));
