import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { startOidcProvider } from "../../../scripts/oidc-provider.mjs";
import { freePort } from "../../support/local-process";
import { startWorker } from "../../support/servers";

declare module "vitest" {
  export interface ProvidedContext {
    /** The Worker the browser tests drive; empty when Chromium is not installed (the browser tests skip). */
    consoleUrl: string;
    chromiumPath: string;
  }
}

/** Debian's Chromium (`apt-get install chromium`), or CHROMIUM_PATH; no browser is ever downloaded. */
function findChromium(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ["chromium", "chromium-browser"]) {
    try {
      return execFileSync("which", [name], { encoding: "utf8" }).trim();
    } catch {
      // Not this name.
    }
  }
  return "";
}

/** Starts the Worker as `npm start` serves it, on a fresh local state, for every browser test file to share. */
export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    if (process.env.CI) throw new Error("Chromium is not installed: `apt-get install chromium` (CI installs it).");
    console.warn("Chromium is not installed (apt-get install chromium): skipping the browser tests");
    project.provide("consoleUrl", "");
    project.provide("chromiumPath", "");
    return;
  }
  const persistTo = mkdtempSync(join(tmpdir(), "bazaar-browser-"));
  await promisify(execFile)("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo], {
    env: { ...process.env, CI: "1" },
  });
  const port = await freePort();
  // Social sign-in through the local provider, as `npm run oidc:dev` offers it beside `npm start`.
  const client = { clientId: "book-bazaar-browser", clientSecret: "browser-oidc-client-secret" };
  const oidc = await startOidcProvider({
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [`http://127.0.0.1:${port}/v1/auth/oidc/local/callback`],
      },
    ],
  });
  const providers = [{ id: "local", name: "Local sign-in", issuer: oidc.issuer, ...client }];
  const worker = await startWorker({
    name: "worker for the browser tests",
    persistTo,
    port,
    // The links in its mails point at itself, as `npm start`'s point at http://127.0.0.1:8787.
    vars: {
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      QUEUE_RETRY_BASE_SECONDS: "0",
      OIDC_PROVIDERS: JSON.stringify(providers),
    },
  });
  project.provide("consoleUrl", worker.url);
  project.provide("chromiumPath", chromiumPath);
  return async () => {
    await worker.stop();
    await oidc.close();
    rmSync(persistTo, { recursive: true, force: true });
  };
}
