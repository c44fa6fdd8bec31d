import type { Context } from "hono";
import type { AppEnv } from "../http/context";
import type { Logger } from "../lib/log";
import type { Db } from "../platform/db";
import type { Services } from "../platform/services";
import { CatalogReadCache } from "./cache";
import { identitySellerDirectory, type SellerDirectory } from "./sellers";

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
}

export function catalogContext(c: Context<AppEnv>): CatalogContext {
  const services = c.get("services");
  const log = c.get("log");
  const defer = (promise: Promise<unknown>) => c.executionCtx.waitUntil(promise);
  return {
    db: services.db,
    services,
    media: c.env.MEDIA,
    stock: c.env.STOCK,
    cache: new CatalogReadCache(services.cache, defer, log),
    sellers: identitySellerDirectory(services),
    publicBaseUrl: c.get("config").PUBLIC_BASE_URL,
    log,
  };
}

/** Absolute URL of an object served by the media route. */
export function mediaUrl(ctx: Pick<CatalogContext, "publicBaseUrl">, key: string | null): string | null {
  return key ? `${ctx.publicBaseUrl.replace(/\/$/, "")}/v1/media/${encodeURIComponent(key)}` : null;
}
