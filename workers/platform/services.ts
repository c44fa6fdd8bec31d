import { Redis } from "@upstash/redis/cloudflare";
import { droppingQueueSenders, Outbox, queueSenders } from "../../queues/outbox";
import type { Config } from "../config";
import type { Logger } from "../lib/log";
import { DurableObjectLiveChannels, type LiveChannels } from "../live";
import type { Mailer, PushSender, SmsSender } from "../notifications";
import { DevMailbox, DevPushLog, DevSmsLog, HttpEmailApi, HttpSmsApi, WebPushSender } from "../notifications";
import type { PaymentProvider } from "../payments";
import { paymentProvider } from "../payments";
import { HttpPrintPartner, PrintJobLog, type PrintPartner } from "../printing";
import type { Cache } from "./cache/cache";
import { CacheApiCache } from "./cache/cache-api";
import { MemoryCache } from "./cache/memory";
import { UpstashCache } from "./cache/upstash";
import { type D1Usage, emptyD1Usage, meterD1 } from "./d1-usage";
import { createDb, type Db } from "./db";
import { createPlanetScaleDb } from "./planetscale";
import { DurableObjectRateLimiter } from "./rate-limit/durable-object";
import { MemoryRateLimiter } from "./rate-limit/memory";
import type { RateLimiter } from "./rate-limit/rate-limiter";
import { UpstashRateLimiter } from "./rate-limit/upstash";

/** Everything a request, a queue batch or a cron run talks to, with adapters chosen by configuration. */
export interface Services {
  /** Writes, and the reads that decide them: the primary (on D1, a session that starts there and has a bookmark). */
  db: Db;
  /** Catalog reads: on D1 a session any read replica may serve, from the client's bookmark on; else `db`. */
  replicaDb: Db;
  /** The D1 bookmark to hand back: the primary session's once it ran a query, else the replica's; none on PlanetScale. */
  bookmark(): string | undefined;
  outbox: Outbox;
  mailer: Mailer;
  sms: SmsSender;
  push: PushSender;
  rateLimiter: RateLimiter;
  cache: Cache;
  payments: PaymentProvider;
  printing: PrintPartner;
  /** Every user's live channel (WebSockets): what consumers push to a user's open tabs. */
  live: LiveChannels;
  /** Bench mode only: what this request's D1 queries read and wrote. */
  d1Usage?: D1Usage;
}

type RelationalStore = Pick<Services, "db" | "replicaDb" | "bookmark">;

/**
 * D1 (metered in bench mode) or PlanetScale, as `DATABASE` says; config validation guarantees the credentials.
 * On D1 both databases are Sessions API sessions: writes start on the primary, so the checks before them read
 * the newest rows, and a session (unlike the plain binding) knows the bookmark of what it wrote.
 */
function relationalStore(
  env: Env,
  config: Config,
  d1Usage: D1Usage | undefined,
  clientBookmark?: string,
): RelationalStore {
  if (config.DATABASE === "planetscale") {
    const db = createPlanetScaleDb({
      host: config.PLANETSCALE_HOST ?? "",
      username: config.PLANETSCALE_USERNAME ?? "",
      password: config.PLANETSCALE_PASSWORD ?? "",
    });
    return { db, replicaDb: db, bookmark: () => undefined };
  }
  const d1 = d1Usage ? meterD1(env.DB, d1Usage) : env.DB;
  const primary = d1.withSession("first-primary");
  const replica = d1.withSession(clientBookmark ?? "first-unconstrained");
  return {
    db: createDb(primary),
    replicaDb: createDb(replica),
    bookmark: () => primary.getBookmark() ?? replica.getBookmark() ?? undefined,
  };
}

/** The SMS adapter: the Twilio-shaped HTTP API, or the dev log (config validation guarantees the settings). */
function smsFor(config: Config, db: Db): SmsSender {
  const { SMS_API_URL: url, SMS_ACCOUNT_SID: accountSid, SMS_AUTH_TOKEN: authToken, SMS_FROM: from } = config;
  if (config.SMS_ADAPTER === "http" && url && accountSid && authToken && from) {
    return new HttpSmsApi({ url, accountSid, authToken, from });
  }
  return new DevSmsLog(db);
}

function pushFor(config: Config, db: Db): PushSender {
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: subject } = config;
  if (config.PUSH_ADAPTER === "web-push" && publicKey && privateKey && subject) {
    return new WebPushSender({ publicKey, privateKey, subject });
  }
  return new DevPushLog(db);
}

/** One in-memory cache per isolate or process, shared by its requests (which build their services each time). */
let memoryCache: MemoryCache | undefined;

function cacheFor(config: Config, redis: Redis | undefined): Cache {
  if (config.CACHE_ADAPTER === "upstash" && redis) return new UpstashCache(redis);
  if (config.CACHE_ADAPTER === "memory") {
    memoryCache ??= new MemoryCache(config.CACHE_MEMORY_MB * 1024 * 1024);
    return memoryCache;
  }
  return new CacheApiCache(caches.default);
}

export interface Lifetime {
  waitUntil(promise: Promise<unknown>): void;
}

/** `clientBookmark`: the D1 bookmark a request sent (validated), where its catalog reads start. */
/** The read server's in-process limiter (no Durable Objects there), one per process so its counts persist. */
const readServerLimiter = new MemoryRateLimiter();

export function buildServices(
  env: Env,
  config: Config,
  lifetime: Lifetime,
  log: Logger,
  clientBookmark?: string,
): Services {
  const d1Usage = config.BENCH_MODE ? emptyD1Usage() : undefined;
  const { db, replicaDb, bookmark } = relationalStore(env, config, d1Usage, clientBookmark);
  const redis =
    config.UPSTASH_REDIS_REST_URL && config.UPSTASH_REDIS_REST_TOKEN
      ? new Redis({ url: config.UPSTASH_REDIS_REST_URL, token: config.UPSTASH_REDIS_REST_TOKEN })
      : undefined;
  return {
    db,
    replicaDb,
    bookmark,
    outbox: new Outbox(
      db,
      config.READ_SERVER ? droppingQueueSenders(log) : queueSenders(env),
      (promise) => lifetime.waitUntil(promise),
      log,
    ),
    mailer:
      config.MAIL_ADAPTER === "http" && config.MAIL_API_URL && config.MAIL_API_KEY
        ? new HttpEmailApi(config.MAIL_API_URL, config.MAIL_API_KEY, config.MAIL_FROM)
        : new DevMailbox(db, config.MAIL_FROM),
    sms: smsFor(config, db),
    push: pushFor(config, db),
    rateLimiter:
      config.RATE_LIMIT_ADAPTER === "upstash" && redis
        ? new UpstashRateLimiter(redis)
        : config.READ_SERVER
          ? readServerLimiter
          : new DurableObjectRateLimiter(env.RATE_LIMITER),
    cache: cacheFor(config, redis),
    payments: paymentProvider(config, db),
    printing:
      config.PRINT_ADAPTER === "http" && config.PRINT_API_URL && config.PRINT_API_KEY
        ? new HttpPrintPartner(config.PRINT_API_URL, config.PRINT_API_KEY)
        : new PrintJobLog(),
    live: new DurableObjectLiveChannels(env.LIVE),
    d1Usage,
  };
}
