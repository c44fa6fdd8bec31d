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

/** The app's variables in the bench: wrangler.toml's and .dev.vars.example's, development, bench mode on. */
const appVars = () => ({ ...devVars(), ENVIRONMENT: "development", BENCH_MODE: "1" });

/**
 * The app as deployed. `cache: false` (the default of the runner) turns the Workers Cache API into a no-op, so
 * every catalog read does its D1 work instead of answering from miniflare's local cache (see bench/README.md).
 */
export function appWorker(name, build, cache) {
  return { ...worker(name, build, join(ROOT, "wrangler.toml"), undefined, appVars()), cacheAPI: cache };
}

/**
 * A copy of the app a scenario asked for (`apps` in its file): the same bundle and bindings, but its own D1
 * database (`DB`, empty until the scenario migrates and seeds it) and no queue consumers (a queue has one
 * consumer, the app's). Its Durable Objects are its own.
 */
function appCopy(name, build, cache) {
  const { queueConsumers: _consumers, ...options } = appWorker(name, build, cache);
  return { ...options, d1Databases: { DB: `bench-${name}` } };
}

export const appCopyName = (id) => `${APP}-${id}`;

/** A copy of the app whose relational store is MySQL behind the PlanetScale API at `credentials` (`--database`). */
function planetScaleCopy(name, build, cache, credentials) {
  const copy = appCopy(name, build, cache);
  const bindings = {
    DATABASE: "planetscale",
    PLANETSCALE_HOST: credentials.host,
    PLANETSCALE_USERNAME: credentials.username,
    PLANETSCALE_PASSWORD: credentials.password,
  };
  return { ...copy, bindings: { ...copy.bindings, ...bindings } };
}

export async function startRuntime({
  builds,
  persistRoot,
  workerLogs,
  verbose,
  apps = [],
  cache = false,
  inspectorPort,
  planetscale,
}) {
  const copies = apps.map((id) => [id, appCopyName(id)]);
  const onMySql = planetscale ? [[planetscale.app, appCopyName(planetscale.app)]] : [];
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      host: "127.0.0.1",
      port: 0,
      cf: false, // no fetch of request.cf data from the network
      inspectorPort,
      resourcePersistencePath: persistRoot,
      log: new Log(verbose ? LogLevel.INFO : LogLevel.WARN),
      handleStructuredLogs: logSink(workerLogs, verbose),
      workers: [
        // `--inspect PORT`: DevTools (or any CDP client sending `Origin: http://localhost`) at ws://127.0.0.1:PORT/book-bazaar.
        { ...appWorker(APP, builds.app, cache), unsafeInspectorProxy: Boolean(inspectorPort) },
        ...copies.map(([, name]) => appCopy(name, builds.app, cache)),
        ...onMySql.map(([, name]) => planetScaleCopy(name, builds.app, cache, planetscale.credentials)),
        ...Object.entries(BASELINE_WORKERS).map(([id, name]) =>
          worker(name, builds.baselines[id], BASELINES_CONFIG, id.toLowerCase()),
        ),
      ],
    }),
  );
  await mf.ready;
  const url = async (name) => String(await mf.unsafeGetDirectURL(name)).replace(/\/$/, "");
  const urls = { app: await url(APP) };
  for (const [id, name] of Object.entries(BASELINE_WORKERS)) urls[id] = await url(name);
  for (const [id, name] of [...copies, ...onMySql]) urls[id] = await url(name);
  return { mf, urls, workers: Object.fromEntries([["app", APP], ...copies, ...onMySql]) };
}
