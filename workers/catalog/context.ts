import type { Context } from "hono";
import type { ConsumerContext } from "../../queues/consumer";
import type { AppEnv } from "../http/context";
import { type ClientInfo, clientOf } from "../identity";
import type { Logger } from "../lib/log";
import type { Db } from "../platform/db";
import type { Services } from "../platform/services";
import { CatalogReadCache } from "./cache";
import { type SellerDirectory, sellerDirectory } from "./sellers";

/** What the catalog's services work with, whether called from a route or a queue consumer. */
export interface CatalogContext {
  db: Db;
  services: Services;
  media: R2Bucket;
  stock: Env["STOCK"];
  cache: CatalogReadCache;
  sellers: SellerDirectory;
  publicBaseUrl: string;
  log: Logger;
  /** The request's client, stamped on the audit entries of admins' category edits; absent in consumers. */
  client?: ClientInfo;
}

/** The context of a request: deferred cache writes run after the answer, on the request's lifetime. */
export function catalogContext(c: Context<AppEnv>): CatalogContext {
  const context = build(
    { env: c.env, services: c.get("services"), config: c.get("config"), log: c.get("log") },
    (promise) => c.executionCtx.waitUntil(promise),
  );
  return { ...context, client: clientOf(c) };
}

/**
 * The context of a public catalog read: its queries may be served by a D1 read replica, from the client's bookmark
 * on (`Services.replicaDb`). Writes and the reads that decide them keep `catalogContext`.
 */
export function catalogReadContext(c: Context<AppEnv>): CatalogContext {
  return { ...catalogContext(c), db: c.get("services").replicaDb };
}

/** The context of a queue consumer or cron run: no request to outlive, so deferred cache writes just run. */
export function catalogConsumerContext(context: ConsumerContext): CatalogContext {
  return build(context, (promise) => void promise.catch(() => undefined));
}

function build(from: ConsumerContext, defer: (promise: Promise<unknown>) => void): CatalogContext {
  const { env, services, config, log } = from;
  return {
    db: services.db,
    services,
    media: env.MEDIA,
    stock: env.STOCK,
    cache: new CatalogReadCache(services.cache, defer, log),
    sellers: sellerDirectory(services),
    publicBaseUrl: config.PUBLIC_BASE_URL,
    log,
  };
}

/** Absolute URL of an object served by the media route. */
export function mediaUrl(ctx: Pick<CatalogContext, "publicBaseUrl">, key: string | null): string | null {
  return key ? `${ctx.publicBaseUrl.replace(/\/$/, "")}/v1/media/${encodeURIComponent(key)}` : null;
}
