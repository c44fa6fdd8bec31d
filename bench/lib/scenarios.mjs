// Loads the scenario plug-ins (bench/scenarios/*.mjs), fills in the planned scenarios that have no file
// yet, and builds the context every scenario hook receives.
import { readdirSync } from "node:fs";
import { planned } from "../planned.mjs";
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

/** Scenario files, plus planned entries (no hooks) for the scenarios nobody has written yet; by `order`. */
export async function loadScenarios() {
  const written = [];
  for (const file of readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith(".mjs"))) {
    const { default: scenario } = await import(new URL(file, SCENARIOS_DIR).href);
    const problems = shapeProblems(scenario);
    if (problems.length) throw new Error(`bench/scenarios/${file} needs ${problems.join(", ")}`);
    written.push(scenario);
  }
  const names = new Set(written.map((s) => s.name));
  return [...written, ...planned.filter((p) => !names.has(p.name))].sort((a, b) => (a.order ?? 99) - (b.order ?? 99));
}

/** What `setup`, `requests`, `run` and `verify` get. `url` is the Worker under load (the app, or a baseline). */
export function scenarioContext({ mf, urls, settings, quick }, url = urls.app) {
  return {
    quick,
    settings,
    url,
    urls,
    mf,
    state: {}, // the scenario's own, from setup to verify
    fetch: (path, init) => fetch(`${url}${path}`, init),
    d1: (binding = "DB", worker = APP) => mf.getD1Database(binding, worker),
    durableObjects: (binding, worker = APP) => mf.getDurableObjectNamespace(binding, worker),
    /** Warm-up plus the median of the configured runs, for a `run()` scenario that drives load itself. */
    load: (options) => measure({ url, ...settings, ...options }),
    /** One bare autocannon run, e.g. `{ amount: 500, connections: 500 }` for a one-shot burst. */
    loadOnce: (options) => loadOnce({ url, ...settings, ...options }),
  };
}
