import { ConfigError } from "../workers/config";
import { createLogger } from "../workers/lib/log";
import { readApi } from "./read-api";

/** The little of each runtime this entry uses (no @types/bun or Deno's lib for three calls). */
interface Listening {
  hostname: string;
  port: number;
}
type Handler = (request: Request) => Promise<Response>;
declare const Bun: { version: string; serve(options: Listening & { fetch: Handler }): unknown } | undefined;
declare const Deno:
  | { version: { deno: string }; serve(options: Listening & { onListen(): void }, handler: Handler): unknown }
  | undefined;

/** `npm run serve:bun` / `npm run serve:deno`: the read API on READ_API_HOST:READ_API_PORT (127.0.0.1:8788). */
const address: Listening = {
  hostname: process.env.READ_API_HOST ?? "127.0.0.1",
  port: Number(process.env.READ_API_PORT ?? 8788),
};

const log = createLogger({ service: "book-bazaar", server: "read-api" });
let handler: Handler;
try {
  handler = readApi(process.env).fetch;
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  log.error("configuration rejected", { issues: error.issues });
  process.exit(1);
}

const runtime = typeof Bun !== "undefined" ? `bun ${Bun.version}` : `deno ${Deno?.version.deno}`;
const listening = () => log.info("read API listening", { url: `http://${address.hostname}:${address.port}`, runtime });

if (typeof Bun !== "undefined") {
  Bun.serve({ ...address, fetch: handler });
  listening();
} else if (typeof Deno !== "undefined") {
  Deno.serve({ ...address, onListen: listening }, handler);
} else {
  console.error("servers/serve.ts runs on Bun or Deno: npm run serve:bun, npm run serve:deno");
  process.exit(1);
}
