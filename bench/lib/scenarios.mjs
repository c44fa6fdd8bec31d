// Loads the scenario plug-ins (bench/scenarios/*.mjs) and builds the context every scenario hook receives.
import { readdirSync } from "node:fs";
import { loadOnce, measure } from "./load.mjs";
import { APP } from "./runtime.mjs";

const SCENARIOS_DIR = new URL("../scenarios/", import.meta.url);

function shapeProblems(scenario) {
  return [
    !scenario?.name && "name",
    !["B0", "B1", "B2"].includes(scenario?.baseline) && "baseline (B0, B1 or B2)",
    !scenario?.route?.method && "route { method, path }",
    typeof scenario?.requests !== "function" && typeof scenario?.run !== "function" && "requests(ctx) or run(ctx)",
  ].filter(Boolean);
}

/**
 * The scenario files' scenarios, by `order`. A file exports one scenario, or an array of them (one table row each,
 * e.g. the kinds of search queries).
 */
export async function loadScenarios() {
  const written = [];
  for (const file of readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith(".mjs"))) {
    const { default: exported } = await import(new URL(file, SCENARIOS_DIR).href);
    for (const scenario of Array.isArray(exported) ? exported : [exported]) {
      const problems = shapeProblems(scenario);
      if (problems.length) throw new Error(`bench/scenarios/${file} needs ${problems.join(", ")}`);
      written.push(scenario);
    }
  }
  return written.sort((a, b) => (a.order ?? 99) - (b.order ?? 99));
}

/** The row title: a string, or a function of the context (a size that differs under --quick). */
export const titleOf = (scenario, ctx) =>
  (typeof scenario.title === "function" ? scenario.title(ctx) : scenario.title) ?? scenario.name;

/**
 * What `setup`, `requests`, `run` and `verify` get. `url` is the Worker under load (the app, a copy of it the
 * scenario asked for in `apps`, or a baseline). `worker` in `d1()` and `durableObjects()` is a Worker name or an
 * app id (`"app"`, or an id from `apps`).
 */
export function scenarioContext({ mf, urls, workers, settings, quick }, url = urls.app) {
  const workerName = (worker) => workers?.[worker] ?? worker;
  return {
    quick,
    settings,
    url,
    urls,
    mf,
    state: {}, // the scenario's own, from setup to verify
    fetch: (path, init) => fetch(`${url}${path}`, init),
    d1: (binding = "DB", worker = APP) => mf.getD1Database(binding, workerName(worker)),
    durableObjects: (binding, worker = APP) => mf.getDurableObjectNamespace(binding, workerName(worker)),
    /** Warm-up plus the median of the configured runs, for a `run()` scenario that drives load itself. */
    load: (options) => measure({ url, ...settings, ...options }),
    /** One bare autocannon run, e.g. `{ amount: 500, connections: 500 }` for a one-shot burst. */
    loadOnce: (options) => loadOnce({ url, ...settings, ...options }),
  };
}
