// `npm run test:planetscale`: the Worker's suites on MySQL, in two halves side by side (`vitest --shard`), each
// with its own MariaDB and PlanetScale API (test/support/planetscale-setup.ts) and its own Vite cache. A half runs
// its files one after another on its one database; two halves keep both cores busy, where one leaves the second
// waiting on MariaDB. The first half prints as it goes, the second when it ends; either failing fails the run.
// Arguments go to both halves (a file filter, `--reporter`).
import { spawn } from "node:child_process";

const SHARDS = 2;
const args = process.argv.slice(2);

function half(index, live) {
  return new Promise((resolve) => {
    const child = spawn(
      "vitest",
      ["run", "--config", "vitest.planetscale.config.ts", `--shard=${index}/${SHARDS}`, ...args],
      { env: { ...process.env, PLANETSCALE_SHARD: String(index) }, stdio: ["ignore", "pipe", "pipe"] },
    );
    const output = [];
    for (const stream of [child.stdout, child.stderr]) {
      stream.on("data", (chunk) => (live ? process.stdout.write(chunk) : output.push(chunk)));
    }
    child.on("close", (code, signal) => resolve({ index, code: code ?? 1, signal, output }));
  });
}

const halves = await Promise.all(Array.from({ length: SHARDS }, (_, i) => half(i + 1, i === 0)));
for (const { index, output } of halves.slice(1)) {
  process.stdout.write(`\n── MySQL run, part ${index} of ${SHARDS} ──\n`);
  for (const chunk of output) process.stdout.write(chunk);
}
const failed = halves.filter(({ code }) => code !== 0);
for (const { index, code, signal } of failed) {
  console.error(`MySQL run part ${index} of ${SHARDS} failed (${signal ?? `exit ${code}`})`);
}
process.exit(failed.length ? 1 : 0);
