import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { convertV4MiniflareOptions, Miniflare, type V4Namespace } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";
import { CopyRefused } from "./copy.ts";
import type { SqlDatabase } from "./pages.ts";

/** The local D1 of `npm start` (wrangler dev keeps its state there, under v3/). */
export const LOCAL_D1_STATE = ".wrangler/state";

export interface D1Source {
  db: SqlDatabase;
  close(): Promise<void>;
}

/** A D1 binding (miniflare's, the bench's) as the copy reads it. */
export function d1Database(binding: D1Database): SqlDatabase {
  return {
    dialect: "sqlite",
    rows: (query, args = []) =>
      binding
        .prepare(query)
        .bind(...args)
        .raw(),
  };
}

/**
 * Opens the `DB` database of wrangler.toml in a local state directory (what `wrangler … --local --persist-to`
 * names; `npm start`'s is .wrangler/state) through miniflare, as `wrangler dev` itself would.
 */
export async function openD1State(stateDir: string = LOCAL_D1_STATE): Promise<D1Source> {
  if (!existsSync(join(resolve(stateDir), "v3", "d1"))) {
    throw new CopyRefused(
      `No local D1 state in ${stateDir}: run \`npm start\` (or \`npm run db:migrate\`) once, or pass --from <the ` +
        "directory given to `wrangler d1 … --local --persist-to`>.",
    );
  }
  const { binding, close } = await localD1(stateDir);
  return { db: d1Database(binding), close };
}

/** The `DB` binding over a local state directory, created when it does not exist yet. */
export async function localD1(stateDir: string): Promise<{ binding: D1Database; close(): Promise<void> }> {
  const { d1Databases } = unstable_getMiniflareWorkerOptions("wrangler.toml").workerOptions;
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      resourcePersistencePath: join(resolve(stateDir), "v3"),
      workers: [
        { name: "db-copy", modules: true, script: "export default {};", d1Databases: d1Databases as V4Namespace },
      ],
    }),
  );
  const binding = (await mf.getD1Database("DB")) as unknown as D1Database;
  return { binding, close: () => mf.dispose() };
}
