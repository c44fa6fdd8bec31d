// The OpenAPI document as the deployed Worker serves it: built as `wrangler deploy` would, served on miniflare (as
// the bench does), fetched from /openapi.json. `npm run openapi:lint` lints it; `npm run sdk:build` generates the
// SDK's types from it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convertV4MiniflareOptions, Log, LogLevel, Miniflare } from "miniflare";
import { bundle } from "../bench/lib/build.mjs";
import { APP, appWorker } from "../bench/lib/runtime.mjs";

/** The document the deployed Worker serves. */
export async function servedDocument() {
  const workDir = mkdtempSync(join(tmpdir(), "openapi-lint-"));
  let mf;
  try {
    const build = await bundle(join(workDir, "app"));
    mf = new Miniflare(
      convertV4MiniflareOptions({
        cf: false,
        log: new Log(LogLevel.WARN),
        // The access log is noise here; a Worker error is not.
        handleStructuredLogs: ({ level, message }) => level === "error" && console.error(message),
        workers: [appWorker(APP, build, false)],
      }),
    );
    const response = await mf.dispatchFetch("http://localhost/openapi.json");
    if (response.status !== 200) throw new Error(`/openapi.json answered ${response.status}: ${await response.text()}`);
    return await response.text();
  } finally {
    await mf?.dispose();
    rmSync(workDir, { recursive: true, force: true });
  }
}
