// Builds the Worker and the baselines as `wrangler deploy` would, and prepares the local D1 state they run on.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

export const ROOT = new URL("../..", import.meta.url).pathname;
export const BASELINES_CONFIG = join(ROOT, "bench/baselines/wrangler.toml");

function wrangler(args) {
  return new Promise((resolve, reject) => {
    const child = spawn("wrangler", args, {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      // Offline and quiet: no account, no metrics, no update check.
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1", NO_COLOR: "1" },
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`wrangler ${args.join(" ")} failed:\n${output}`)),
    );
  });
}

/** The bundle `wrangler deploy` would upload: its directory and entry module. */
export async function bundle(outdir, extraArgs = []) {
  await wrangler(["deploy", "--dry-run", "--outdir", outdir, ...extraArgs]);
  const entry = readdirSync(outdir).find((file) => file.endsWith(".js"));
  if (!entry) throw new Error(`wrangler produced no .js bundle in ${outdir}`);
  return { dir: outdir, entry: join(outdir, entry) };
}

/** Builds the app and the three baselines in parallel and applies the app's D1 migrations to `persistTo`. */
export async function buildAll(workDir, persistTo) {
  const [app, b0, b1, b2] = await Promise.all([
    bundle(join(workDir, "app")),
    ...["b0", "b1", "b2"].map((env) => bundle(join(workDir, env), ["--config", BASELINES_CONFIG, "--env", env])),
    // The same command `npm run db:migrate` runs, pointed at the bench's own state directory.
    wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo]),
  ]);
  return { app, baselines: { B0: b0, B1: b1, B2: b2 } };
}
