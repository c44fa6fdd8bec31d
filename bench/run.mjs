// `npm run bench [-- --quick] [-- --only health] [-- --database planetscale]`: builds the Worker as deployed,
// serves it and the three baselines on one workerd, drives every scenario with autocannon, checks the
// invariants, prints a table and writes bench/results/latest.json. See bench/README.md.
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { baselines } from "./baselines/index.mjs";
import { buildAll, ROOT } from "./lib/build.mjs";
import { checkInvariants } from "./lib/invariants.mjs";
import { loadOnce, summarize } from "./lib/load.mjs";
import { copyDemoCatalog, onPlanetScale, PLANETSCALE, startMySql } from "./lib/planetscale.mjs";
import { databaseComparison, invariantLines, machine, revision, table } from "./lib/report.mjs";
import { routeExists } from "./lib/routes.mjs";
import { startRuntime } from "./lib/runtime.mjs";
import { loadScenarios, scenarioContext, titleOf } from "./lib/scenarios.mjs";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    connections: { type: "string" },
    duration: { type: "string" },
    warmup: { type: "string" },
    runs: { type: "string" },
    "state-dir": { type: "string" },
    keep: { type: "boolean", default: false },
    cache: { type: "boolean", default: false },
    inspect: { type: "string" },
    verbose: { type: "boolean", default: false },
    database: { type: "string", default: "d1" },
  },
});
if (!["d1", "planetscale"].includes(args.database)) {
  console.error("--database is d1 (the default) or planetscale");
  process.exit(2);
}
const onMySql = args.database === "planetscale";

const settings = {
  connections: Number(args.connections ?? 50),
  warmupSeconds: Number(args.warmup ?? (args.quick ? 1 : 3)),
  seconds: Number(args.duration ?? (args.quick ? 3 : 10)),
  runs: Number(args.runs ?? (args.quick ? 1 : 3)),
};
const only = args.only ? new Set(args.only.split(",").map((s) => s.trim())) : undefined;
/** `--only search` selects a scenario by its name or by its `group` (all the search rows). */
const selected = (scenario) => !only || only.has(scenario.name) || (scenario.group && only.has(scenario.group));
const say = (message) => process.stderr.write(`${message}\n`);
/** Seconds spent in each phase of the run, for the report (--quick has a 2-minute budget). */
const phases = {};
const since = (started) => Math.round((Date.now() - started) / 100) / 10;
async function phase(name, work) {
  const started = Date.now();
  try {
    return await work();
  } finally {
    phases[name] = Math.round(((phases[name] ?? 0) + since(started)) * 10) / 10;
  }
}

/**
 * Where the bundles and the local D1/DO state live. On a disk every storage commit waits for fsync, which on a
 * VM can take 5-10 ms and then decides every figure (a D1 read measured 12 ms on disk, 2 ms on tmpfs); nor is
 * production durability a local fsync. So tmpfs when there is one with room (containers often get 64 MB);
 * `--state-dir` to choose.
 */
const TMPFS_ROOM_BYTES = 2 * 2 ** 30;

function stateParent() {
  if (args["state-dir"]) return args["state-dir"];
  try {
    accessSync("/dev/shm", constants.W_OK);
    const { bavail, bsize } = statfsSync("/dev/shm");
    return bavail * bsize >= TMPFS_ROOM_BYTES ? "/dev/shm" : os.tmpdir();
  } catch {
    return os.tmpdir();
  }
}

/** Baselines and available scenarios, each set up and ready to load; the rest become table rows as they are. */
async function prepare(runtime, scenarios) {
  const loads = [];
  const rows = [];
  let position = 0; // table order: baselines, then scenarios by their `order`
  for (const baseline of baselines) {
    const ctx = scenarioContext(runtime, runtime.urls[baseline.id]);
    await baseline.setup?.(ctx);
    const row = { position: position++, name: baseline.id, title: baseline.title };
    loads.push({ row, ctx, requests: baseline.requests(ctx) });
  }
  for (const scenario of scenarios) {
    const row = { position: position++, name: scenario.name, title: titleOf(scenario, runtime) };
    row.baseline = scenario.baseline;
    row.target = scenario.target;
    row.twinOf = scenario.twinOf;
    if (!(await routeExists(runtime.urls.app, scenario.route))) {
      rows.push({ ...row, status: `FAILED: the app has no ${scenario.route.method} ${scenario.route.path}` });
    } else {
      const ctx = scenarioContext(runtime, runtime.urls[scenario.app ?? "app"]);
      try {
        const started = Date.now();
        await phase("setup", async () => scenario.setup?.(ctx));
        row.setupSeconds = since(started);
        say(`Set up ${scenario.name} in ${row.setupSeconds} s`);
        loads.push({ row, ctx, scenario, requests: scenario.requests?.(ctx) });
      } catch (error) {
        rows.push({ ...row, status: `FAILED setup: ${error.message}` });
      }
    }
  }
  return { loads, rows };
}

/**
 * Every timed load runs once per round, rounds back to back, so a slow minute on a shared machine lands on
 * every scenario and its baseline alike instead of on whichever ran then.
 */
async function driveTimed(loads) {
  const timed = loads.filter((load) => load.requests);
  // A scenario's own `load` options (connections, setupClient, …) apply to its warm-up and its runs.
  const options = (load) => ({ url: load.ctx.url, requests: load.requests, ...settings, ...load.scenario?.load });
  say(`Warm-up: ${settings.warmupSeconds} s each`);
  for (const load of timed) {
    if (settings.warmupSeconds > 0) await loadOnce({ ...options(load), seconds: settings.warmupSeconds });
    load.samples = [];
  }
  for (let round = 1; round <= settings.runs; round++) {
    say(`Round ${round} of ${settings.runs}: ${timed.length} × ${settings.seconds} s`);
    for (const load of timed) {
      // A scenario may wrap its timed runs (the PlanetScale twins count MySQL's statements around each).
      const run = () => loadOnce(options(load));
      load.samples.push(await (load.scenario?.measure?.(run) ?? run()));
    }
  }
}

/** The scenarios that drive their own load (`run`), one after the other. */
async function driveOwn(load) {
  const started = Date.now();
  try {
    load.figures = await load.scenario.run(load.ctx);
  } catch (error) {
    load.failure = error.message;
  }
  say(`Ran ${load.row.name} in ${since(started)} s`);
}

async function settle(load, baselineRps) {
  if (load.failure) return { ...load.row, status: `FAILED: ${load.failure}` };
  const figures = load.figures ?? summarize(load.samples);
  const row = { ...load.row, ...figures, status: "ok" };
  if (!load.scenario) return row;
  row.ratio = baselineRps[load.scenario.baseline] ? figures.rps / baselineRps[load.scenario.baseline] : null;
  try {
    const verdict = (await load.scenario.verify?.(load.ctx, figures)) ?? { ok: true };
    return { ...row, status: verdict.ok ? "ok" : "FAILED verify", notes: verdict.notes };
  } catch (error) {
    return { ...row, status: `FAILED verify: ${error.message}` };
  }
}

function print(report) {
  const { machine: m, settings: s } = report;
  console.log(`\nBook Bazaar bench (${report.mode}) at ${report.revision}: ${m.nproc} × ${m.cpu}, ${m.memoryGiB} GiB`);
  console.log(
    `${s.connections} connections, ${s.warmupSeconds} s warm-up, median of ${s.runs} × ${s.seconds} s; ` +
      `Cache API ${report.cache ? "on (--cache)" : "off"}; load average ${report.loadAverage.before} before, ${report.loadAverage.after} after\n`,
  );
  console.log(table(report.results));
  if (report.planetscale) {
    const { rows, seconds } = report.planetscale.copy;
    console.log(
      `\nCatalog reads on D1 and on PlanetScale (a local MariaDB behind the PlanetScale HTTP API stand-in, ` +
        `the demo catalog copied by db:copy: ${rows.toLocaleString("en")} rows in ${seconds.toFixed(1)} s, verified)\n`,
    );
    console.log(databaseComparison(report.results));
  }
  const notes = report.results.filter((r) => r.notes).map((r) => `  ${r.name}: ${r.notes}`);
  if (notes.length) console.log(`\nNotes\n${notes.join("\n")}`);
  console.log(`\nInvariants\n${invariantLines(report.invariants)}`);
  const errors = report.workerLogs.count.error ?? 0;
  if (errors) console.log(`\nWorker error log lines: ${errors}; first: ${report.workerLogs.errors[0]}`);
  const spent = Object.entries(report.phases)
    .map(([name, seconds]) => `${name} ${seconds} s`)
    .join(", ");
  console.log(`\nWall time ${report.wallSeconds} s (${spent}); bench/results/latest.json written.`);
  if (report.mode === "quick" && report.wallSeconds > 120) {
    console.log("Over the 2-minute budget of --quick: make the slow scenario's setup smaller when ctx.quick.");
  }
}

async function main() {
  const started = Date.now();
  const loadBefore = os.loadavg()[0].toFixed(2);
  mkdirSync(stateParent(), { recursive: true });
  const workDir = mkdtempSync(join(stateParent(), "book-bazaar-bench-"));
  const workerLogs = { count: {}, errors: [] };
  let runtime;
  let stopMySql;
  // However the process ends (Ctrl-C included, where miniflare's own exit hook stops workerd), leave no state
  // behind in tmpfs. Exit handlers must be synchronous.
  if (!args.keep) process.on("exit", () => rmSync(workDir, { recursive: true, force: true }));
  try {
    say(`Building the Worker and the baselines (wrangler deploy --dry-run) in ${workDir}`);
    const persistTo = join(workDir, "state");
    // --database planetscale: the scenarios that read the relational store, each on D1 and on MySQL.
    const reads = (await loadScenarios()).filter(selected).filter((scenario) => !onMySql || scenario.planetscale);
    // Each twin's row and load follow its D1 scenario's, so the two meet the machine in the same state.
    const scenarios = onMySql
      ? [...reads, ...reads.map(onPlanetScale)].sort((a, b) => (a.order ?? 99) - (b.order ?? 99))
      : reads;
    const [builds, mysql] = await phase("build", () =>
      Promise.all([buildAll(workDir, persistTo), onMySql ? startMySql(join(workDir, "mariadb")) : undefined]),
    );
    stopMySql = mysql?.stop;
    // `wrangler … --persist-to X` keeps its state under X/v3; miniflare is pointed at the same place.
    const served = await phase("start", () =>
      startRuntime({
        builds,
        persistRoot: join(persistTo, "v3"),
        workerLogs,
        verbose: args.verbose,
        // Copies of the app that written, selected scenarios ask for (each with its own D1 database).
        apps: [...new Set(scenarios.filter((s) => s.requests || s.run).flatMap((s) => s.apps ?? []))],
        cache: args.cache,
        inspectorPort: args.inspect ? Number(args.inspect) : undefined,
        planetscale: mysql && { app: PLANETSCALE, credentials: mysql.credentials },
      }),
    );
    runtime = { ...served, settings, quick: args.quick, cache: args.cache };
    const copy = mysql && (await phase("setup", () => copyDemoCatalog(scenarioContext(runtime), mysql.credentials)));
    if (copy) say(`Copied the demo catalog into MySQL: ${copy.rows} rows in ${copy.seconds.toFixed(1)} s, verified`);
    say(`Load: ${settings.connections} connections, median of ${settings.runs} × ${settings.seconds} s`);

    const { loads, rows } = await prepare(runtime, scenarios);
    await phase("load", () => driveTimed(loads));
    // Timed loads are verified before the scenarios that drive their own load run: those may change what the
    // timed ones left behind (checkout empties carts the add-to-cart load filled).
    const baselineRps = {};
    const results = [];
    for (const load of loads.filter((l) => l.requests)) {
      const row = await phase("verify", () => settle(load, baselineRps));
      if (!load.scenario) baselineRps[load.row.name] = row.rps;
      results.push(row);
    }
    for (const load of loads.filter((l) => !l.requests)) {
      await phase("load", () => driveOwn(load));
      results.push(await phase("verify", () => settle(load, baselineRps)));
    }
    results.push(...rows);
    results.sort((a, b) => a.position - b.position);

    say("Checking invariants");
    const invariants = await phase("invariants", () => checkInvariants({ mf: runtime.mf, startedAt: started }));
    const report = {
      mode: args.quick ? "quick" : "full",
      startedAt: new Date(started).toISOString(),
      wallSeconds: since(started),
      phases,
      revision: revision(ROOT),
      machine: machine(),
      loadAverage: { before: loadBefore, after: os.loadavg()[0].toFixed(2) },
      settings,
      cache: args.cache,
      database: args.database,
      planetscale: copy && { copy },
      stateDir: stateParent(),
      results,
      invariants,
      workerLogs,
    };
    mkdirSync(join(ROOT, "bench/results"), { recursive: true });
    writeFileSync(join(ROOT, "bench/results/latest.json"), `${JSON.stringify(report, null, 2)}\n`);
    print(report);
    const failed = results.some((r) => r.status.startsWith("FAILED")) || invariants.some((i) => i.status === "failed");
    process.exitCode = failed ? 1 : 0;
  } finally {
    await runtime?.mf.dispose();
    await stopMySql?.();
  }
}

await main();
