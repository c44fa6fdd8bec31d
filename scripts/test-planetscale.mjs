// `npm run test:planetscale`: the suites with the relational store on MySQL, in shards that run at once. The
// files of one run share its database and so go one at a time; each shard is a run of its own (its own private
// MariaDB, PlanetScale stand-in and Vite cache), so the shards run side by side. PLANETSCALE_SHARDS sets how many
// (2 by default, for a 2-core machine); arguments go to every vitest run (e.g. a test file filter).
import { spawn } from "node:child_process";

const shards = Number(process.env.PLANETSCALE_SHARDS ?? 2);
const args = process.argv.slice(2);

function run(shard) {
  return new Promise((resolve) => {
    const child = spawn(
      "vitest",
      [
        "run",
        "--config",
        "vitest.planetscale.config.ts",
        ...(shards > 1 ? [`--shard=${shard}/${shards}`] : []),
        ...args,
      ],
      { stdio: "inherit", env: { ...process.env, PLANETSCALE_SHARD: String(shard) } },
    );
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const codes = await Promise.all(Array.from({ length: shards }, (_, i) => run(i + 1)));
for (const [i, code] of codes.entries())
  if (code !== 0) console.error(`MySQL shard ${i + 1}/${shards} failed (exit ${code})`);
process.exit(codes.some((code) => code !== 0) ? 1 : 0);
