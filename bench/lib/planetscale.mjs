// `--database planetscale`: the catalog reads again on a copy of the app whose relational store is MySQL (a local
// MariaDB behind the PlanetScale HTTP API stand-in, through the real @planetscale/database driver), holding the
// same demo catalog, copied from the app's D1 with db:copy's code.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { copyToPlanetScale, verifyCopy } from "../../scripts/db-copy/copy.ts";
import { d1Database } from "../../scripts/db-copy/d1.ts";
import { planetScaleTarget } from "../../scripts/db-copy/planetscale.ts";
import { ROOT } from "./build.mjs";
import { demoCatalog } from "./catalog.mjs";
import { titleOf } from "./scenarios.mjs";

/** The app id (`ctx.urls.planetscale`) of the copy that runs with DATABASE=planetscale. */
export const PLANETSCALE = "planetscale";

/** MySQL as the bench itself reads it: the statement counter around each timed run of a twin. */
let probe;

/** Starts bench/lib/mysql-server.mjs with its data in `dataDir`; answers its credentials and how to stop it. */
export async function startMySql(dataDir) {
  const child = spawn(process.execPath, ["bench/lib/mysql-server.mjs", dataDir], {
    cwd: ROOT,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const line = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    exited.then((code) => reject(new Error(`the bench's MySQL exited with ${code} before it was ready`)));
  });
  const credentials = JSON.parse(line);
  probe = planetScaleTarget(credentials);
  return {
    credentials,
    stop: async () => {
      child.stdin.end();
      await exited;
    },
  };
}

/**
 * Seeds the demo catalog into the app's D1 (as every read scenario does) and copies the whole database into
 * MySQL, verified table by table. Runs before any scenario, so nothing is writing to D1 while it copies.
 */
export async function copyDemoCatalog(ctx, credentials) {
  await demoCatalog(ctx);
  const started = Date.now();
  const source = d1Database(await ctx.d1());
  const target = planetScaleTarget(credentials);
  const copies = await copyToPlanetScale(source, target);
  const mismatched = (await verifyCopy(source, target)).filter((check) => !check.ok);
  if (mismatched.length > 0) {
    throw new Error(`the MySQL copy differs from D1 in ${mismatched.map((check) => check.table).join(", ")}`);
  }
  return { rows: copies.reduce((sum, copy) => sum + copy.rows, 0), seconds: (Date.now() - started) / 1000 };
}

/** Statements MySQL has run since it started, the probe's own included. */
async function statements() {
  const [[, count]] = await probe.rows("SHOW GLOBAL STATUS LIKE 'Questions'");
  return Number(count);
}

/**
 * The same scenario on the PlanetScale copy of the app: its row follows the D1 one, `twinOf` names it. Only this
 * copy speaks to MySQL, so the statements MySQL ran during a timed run (less the probe's) are its requests'.
 */
export function onPlanetScale(scenario) {
  return {
    ...scenario,
    name: `${scenario.name}-planetscale`,
    title: (ctx) => `${titleOf(scenario, ctx)} · PlanetScale`,
    order: (scenario.order ?? 99) + 0.05,
    app: PLANETSCALE,
    twinOf: scenario.name,
    async measure(run) {
      const before = await statements();
      const sample = await run();
      return { ...sample, mysqlStatements: (await statements()) - before - 1 };
    },
  };
}
