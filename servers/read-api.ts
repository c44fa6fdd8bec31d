import { loadConfig } from "../workers/config";
import { createLogger } from "../workers/lib/log";
import { createReadApp } from "../workers/read-app";

/** Environment variables as `process.env` holds them (Bun and Deno both offer it). */
export type Variables = Record<string, string | undefined>;

/**
 * The read API as a Web-standard fetch handler: the Worker's read routes (`createReadApp`) with the process
 * environment as their `env`. The configuration is validated here, once, so a wrong one stops the server at
 * start (throwing `ConfigError`) instead of answering every request with a 500.
 */
export function readApi(variables: Variables): { fetch(request: Request): Promise<Response> } {
  const vars = Object.fromEntries(Object.entries(variables).filter(([, value]) => value !== undefined));
  // Vars only: with D1 and the Cache API refused by the configuration, nothing these routes run reads a binding.
  const env = { ...vars, READ_SERVER: "true" } as unknown as Env;
  loadConfig(env);
  const app = createReadApp();
  const log = createLogger({ service: "book-bazaar", server: "read-api" });
  // No request lifetime to extend in a long-running server: deferred work (cache writes) just runs.
  const lifetime = {
    waitUntil: (promise: Promise<unknown>) =>
      void promise.catch((error) => log.error("work after the response failed", { error: String(error) })),
    passThroughOnException: () => undefined,
    props: {},
  };
  return { fetch: async (request) => app.fetch(request, env, lifetime) };
}
