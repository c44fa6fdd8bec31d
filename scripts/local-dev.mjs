// What `npm start` and `npm run start:planetscale` share: development secrets in .dev.vars and `wrangler dev`.

import { spawn } from "node:child_process";
import { appendFileSync, copyFileSync, existsSync, readFileSync } from "node:fs";

const definedKeys = (file) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line))
    .map((line) => [line.slice(0, line.indexOf("=")), line]);

export function prepareDevVars() {
  if (!existsSync(".dev.vars")) {
    copyFileSync(".dev.vars.example", ".dev.vars");
    console.log("Created .dev.vars from .dev.vars.example (development secrets).");
    return;
  }
  // A .dev.vars from an older checkout lacks secrets added since; add those, never touch existing values.
  const present = new Set(definedKeys(".dev.vars").map(([key]) => key));
  const missing = definedKeys(".dev.vars.example").filter(([key]) => !present.has(key));
  if (missing.length > 0) {
    appendFileSync(".dev.vars", `\n${missing.map(([, line]) => line).join("\n")}\n`);
    console.log(`Added ${missing.map(([key]) => key).join(", ")} to .dev.vars from .dev.vars.example.`);
  }
}

/** Serves the Worker on http://127.0.0.1:8787 until stopped; `stopped` runs after wrangler has exited. */
export function serve(extraArgs = [], stopped = async () => {}) {
  const dev = spawn("wrangler", ["dev", "--ip", "127.0.0.1", "--port", "8787", "--test-scheduled", ...extraArgs], {
    stdio: "inherit",
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => dev.kill(signal));
  dev.on("exit", async (code) => {
    await stopped();
    process.exit(code ?? 0);
  });
}
