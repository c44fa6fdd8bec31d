// The table on stdout and the machine it ran on.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";

const require = createRequire(import.meta.url);
const version = (name) => {
  try {
    return require(`${name}/package.json`).version;
  } catch {
    return "unknown";
  }
};

export function machine() {
  const cpuinfo = (() => {
    try {
      return readFileSync("/proc/cpuinfo", "utf8");
    } catch {
      return "";
    }
  })();
  return {
    nproc: os.availableParallelism(),
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    tools: {
      wrangler: version("wrangler"),
      miniflare: version("miniflare"),
      workerd: version("workerd"),
      autocannon: version("autocannon"),
    },
  };
}

/** The commit measured, marked when the working tree had changes. */
export function revision(cwd) {
  try {
    const git = (...args) => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();
    return `${git("rev-parse", "--short", "HEAD")}${git("status", "--porcelain") ? " (with local changes)" : ""}`;
  } catch {
    return "unknown";
  }
}

const int = (n) => (n == null ? "—" : Math.round(n).toLocaleString("en-US"));
const ms = (n) => (n == null ? "—" : n < 10 ? n.toFixed(1) : String(Math.round(n)));
const rows = (n) => (n == null ? "—" : n < 10 ? n.toFixed(1) : String(Math.round(n)));
const ratio = (n) => (n == null ? "—" : `${Math.round(n * 100)}%`);

// [heading, cell, alignment]; rows without figures (not run) show only the first two and the status.
const COLUMNS = [
  ["scenario", (r) => r.title, "left"],
  ["vs", (r) => r.baseline ?? "", "left"],
  ["req/s", (r) => int(r.rps)],
  ["of base", (r) => ratio(r.ratio)],
  [
    "target",
    (r) => (r.target == null || r.ratio == null ? "" : `≥${ratio(r.target)} ${r.ratio >= r.target ? "met" : "MISSED"}`),
  ],
  ["p50 ms", (r) => ms(r.p50)],
  ["p99 ms", (r) => ms(r.p99)],
  ["non-2xx", (r) => int(r.non2xx)],
  ["errors", (r) => int(r.errors)],
  // A row on PlanetScale (`twinOf` its D1 row) reads no D1.
  ["D1 rows/req", (r) => (r.twinOf ? "—" : rows(r.rowsReadPerRequest))],
  ["D1 queries/req", (r) => (r.twinOf ? "—" : rows(r.queriesPerRequest))],
  ["status", (r) => r.status, "left"],
];
const FIGURES = new Set(COLUMNS.slice(2, -1).map(([head]) => head));

export function table(results) {
  return render(
    COLUMNS,
    results.map((r) => COLUMNS.map(([head, cell]) => (r.rps == null && FIGURES.has(head) ? "" : cell(r)))),
  );
}

function render(columns, cells) {
  const widths = columns.map(([head], i) => Math.max(head.length, ...cells.map((row) => String(row[i]).length)));
  const line = (values) =>
    values
      .map((v, i) => (columns[i][2] === "left" ? String(v).padEnd(widths[i]) : String(v).padStart(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(columns.map(([head]) => head)), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}

const times = (a, b) => (a && b != null ? `×${(b / a).toFixed(2)}` : "—");

// Each row pairs a scenario on D1 with its twin on PlanetScale (`twinOf`); [heading, cell of (d1, ps), alignment].
const COMPARED = [
  ["catalog read", (d1) => d1.title, "left"],
  ["D1 req/s", (d1) => int(d1.rps)],
  ["PlanetScale req/s", (_, ps) => int(ps.rps)],
  ["req/s ratio", (d1, ps) => times(d1.rps, ps.rps)],
  ["D1 p50", (d1) => ms(d1.p50)],
  ["PS p50", (_, ps) => ms(ps.p50)],
  ["D1 p99", (d1) => ms(d1.p99)],
  ["PS p99", (_, ps) => ms(ps.p99)],
  ["D1 queries/req", (d1) => rows(d1.queriesPerRequest)],
  ["MySQL statements/req", (_, ps) => rows(statementsPerRequest(ps))],
  ["PS status", (_, ps) => ps.status, "left"],
];

/** MySQL statements per completed request over a twin's timed runs (`mysqlStatements`, counted by MySQL). */
function statementsPerRequest(row) {
  const runs = (row.runs ?? []).filter((run) => run.mysqlStatements != null);
  const requests = runs.reduce((sum, run) => sum + run.requests, 0);
  return requests > 0 ? runs.reduce((sum, run) => sum + run.mysqlStatements, 0) / requests : null;
}

/** The `--database planetscale` summary: every read measured on both stores, side by side. */
export function databaseComparison(results) {
  const byName = new Map(results.map((r) => [r.name, r]));
  const pairs = results.filter((r) => r.twinOf && byName.has(r.twinOf)).map((ps) => [byName.get(ps.twinOf), ps]);
  return render(
    COMPARED,
    pairs.map(([d1, ps]) => COMPARED.map(([, cell]) => cell(d1, ps))),
  );
}

export function invariantLines(invariants) {
  const mark = { ok: "ok", failed: "FAILED", "not available": "n/a", unchecked: "UNCHECKED" };
  return invariants.map((i) => `  [${mark[i.status] ?? i.status}] ${i.name}: ${i.detail}`).join("\n");
}
