// After the run, read the state the load left behind straight from the running workerd and hold it to the
// invariants in bench/invariants/*.mjs (each `{ name, check(ctx) → { status, detail } }`).
import { readdirSync } from "node:fs";
import { APP } from "./runtime.mjs";

const PARALLEL_READS = 25;
const INVARIANTS_DIR = new URL("../invariants/", import.meta.url);

/** Snapshots of every StockDO. The run starts from empty state, so every object that exists was touched by it. */
async function stockSnapshots(mf) {
  const ids = await mf.listDurableObjectIds("StockDO", APP);
  const namespace = await mf.getDurableObjectNamespace("STOCK", APP);
  const snapshots = [];
  for (let i = 0; i < ids.length; i += PARALLEL_READS) {
    const batch = ids.slice(i, i + PARALLEL_READS);
    const read = await Promise.all(batch.map((id) => namespace.get(namespace.idFromString(id)).snapshot()));
    read.forEach((snapshot, j) => {
      snapshots.push({ id: batch[j], ...snapshot });
    });
  }
  return snapshots;
}

/** Every invariant as `{ name, status: "ok" | "failed" | "not available" | "unchecked", detail }`. */
export async function checkInvariants({ mf, startedAt }) {
  const db = await mf.getD1Database("DB", APP);
  const ctx = {
    mf,
    db,
    startedAt,
    stock: await stockSnapshots(mf),
    tableExists: async (name) =>
      Boolean(await db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").bind(name).first()),
  };
  const files = readdirSync(INVARIANTS_DIR)
    .filter((file) => file.endsWith(".mjs"))
    .sort();
  const results = [];
  for (const file of files) {
    const { default: invariant } = await import(new URL(file, INVARIANTS_DIR).href);
    try {
      results.push({ name: invariant.name, ...(await invariant.check(ctx)) });
    } catch (error) {
      results.push({ name: invariant.name, status: "failed", detail: `check threw: ${error.message}` });
    }
  }
  return results;
}
