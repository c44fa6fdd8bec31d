// Serves the built Worker and the baselines on one workerd through miniflare's API: local D1, Durable Objects
// (SQLite-backed), Queues (with dead-letter queues) and R2, configured from wrangler.toml exactly as wrangler does.
import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { convertV4MiniflareOptions, Log, LogLevel, Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";
import { BASELINES_CONFIG, ROOT } from "./build.mjs";

export const APP = "book-bazaar";
export const BASELINE_WORKERS = { B0: "bench-b0", B1: "bench-b1", B2: "bench-b2" };

/** `.dev.vars.example` as wrangler reads `.dev.vars`: KEY=VALUE lines, `#` comments, optional quotes. */
function devVars() {
  const vars = {};
  for (const line of readFileSync(join(ROOT, ".dev.vars.example"), "utf8").split("\n")) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) vars[match[1]] = match[2].replace(/^(['"])(.*)\1$/, "$2");
  }
  return vars;
}

// What wrangler's module rules make of the files a bundle can carry next to its entry.
const MODULE_TYPES = {
  ".js": "ESModule",
  ".mjs": "ESModule",
  ".wasm": "CompiledWasm",
  ".bin": "Data",
  ".txt": "Text",
  ".html": "Text",
  ".sql": "Text",
};

/** Every module of a built bundle, entry first (miniflare 5 does not follow imports from a script path). */
function bundleModules(build) {
  const others = readdirSync(build.dir, { recursive: true })
    .map((file) => join(build.dir, file))
    .filter((path) => path !== build.entry && MODULE_TYPES[extname(path)]);
  return [build.entry, ...others].map((path) => ({ type: MODULE_TYPES[extname(path)], path }));
}

function worker(name, build, configPath, env, extraBindings = {}) {
  const { modulesRules: _rules, ...workerOptions } = unstable_getMiniflareWorkerOptions(configPath, env).workerOptions;
  return {
    ...workerOptions,
    name,
    modules: bundleModules(build),
    modulesRoot: build.dir,
    bindings: { ...workerOptions.bindings, ...extraBindings },
    // Load goes straight to the Worker's own socket, not through miniflare's entry worker and Node proxy.
    unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
  };
}

/**
 * Worker console output is counted, not printed (one access-log line per request would cost the load generator
 * more than the Workers); error lines are kept for the report. `verbose` prints everything.
 */
function logSink(workerLogs, verbose) {
  return ({ level, message }) => {
    workerLogs.count[level] = (workerLogs.count[level] ?? 0) + 1;
    if (level === "error" && workerLogs.errors.length < 5) workerLogs.errors.push(message.slice(0, 500));
    if (verbose) process.stderr.write(`[worker:${level}] ${message}\n`);
  };
}

export async function startRuntime({ builds, persistRoot, workerLogs, verbose }) {
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      host: "127.0.0.1",
      port: 0,
      cf: false, // no fetch of request.cf data from the network
      resourcePersistencePath: persistRoot,
      log: new Log(verbose ? LogLevel.INFO : LogLevel.WARN),
      handleStructuredLogs: logSink(workerLogs, verbose),
      workers: [
        worker(APP, builds.app, join(ROOT, "wrangler.toml"), undefined, {
          ...devVars(),
          ENVIRONMENT: "development",
          BENCH_MODE: "1",
        }),
        ...Object.entries(BASELINE_WORKERS).map(([id, name]) =>
          worker(name, builds.baselines[id], BASELINES_CONFIG, id.toLowerCase()),
        ),
      ],
    }),
  );
  await mf.ready;
  const urls = { app: String(await mf.unsafeGetDirectURL(APP)).replace(/\/$/, "") };
  for (const [id, name] of Object.entries(BASELINE_WORKERS)) {
    urls[id] = String(await mf.unsafeGetDirectURL(name)).replace(/\/$/, "");
  }
  return { mf, urls };
}
