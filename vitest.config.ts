import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { configDefaults, defineConfig, type ViteUserConfig } from "vitest/config";
import { unstable_readConfig } from "wrangler";

/** Accounts that tests make admins (test/support/identity.ts `asAdmin` hands out one per call). */
const TEST_ADMIN_EMAILS = Array.from({ length: 50 }, (_, i) => `admin-${i}@bazaar.test`);

/** Development-only signing keys for tests (kids start with "dev-", so production refuses them). */
const TEST_SIGNING_KEYS = [
  {
    kty: "EC",
    crv: "P-256",
    x: "EfG9LFMwKr6jKCz68i2oOSDF-cX7VX6oRxKp4bl6GU8",
    y: "r2oSPTW56s5XdKZ1S49ccvnRQAvHWVci2MGVrbfc4r8",
    d: "M7kDQFtjPdMc5kx-jp1CzfiAGuZiZfbZrbBjthZmag0",
    kid: "dev-test-current",
    alg: "ES256",
  },
  {
    kty: "EC",
    crv: "P-256",
    x: "5ldJOeA6FhiqELg0_T2NVDWrJT78rz4P8lfqZ1XWqXc",
    y: "ZyxjgCyAA2zkgHlRa5tLkySh62I97aqUwTEKtpnLqTI",
    d: "fgLBK7FP8wz0xhsqLM_nAk677cUrjt3Ik145CYJJgkM",
    kid: "dev-test-previous",
    alg: "ES256",
  },
];

/** The Worker's client at the local OIDC provider the tests start (test/support/global-setup.ts). */
const TEST_OIDC_CLIENT = { clientId: "book-bazaar-test", clientSecret: "test-oidc-client-secret" };

/** A development VAPID key pair for tests (the private key is "dev-…", so production refuses it). */
const TEST_VAPID_KEYS = {
  VAPID_PUBLIC_KEY: "BMGDRNL4VUfmTaLkpZgnKUySjBq8iRLra9c7NrOERRfEXnOIMRgSzWithOjA_gLDo5FOiEXKGFVvcFFQBZcBfb4",
  VAPID_PRIVATE_KEY: "dev-9CTR5zykqyNA8d2BSqOH42_HU005ALCPEG9S6gXd0vI",
};

/** What each wrangler.toml environment declares, for the test that holds production to production adapters. */
function wranglerEnvironment(env?: string) {
  const config = unstable_readConfig({ config: "./wrangler.toml", env }, { hideWarnings: true });
  return {
    name: config.name,
    vars: config.vars,
    bindings: {
      d1: config.d1_databases.map((db: { binding: string }) => db.binding),
      r2: config.r2_buckets.map((bucket: { binding: string }) => bucket.binding),
      durableObjects: config.durable_objects.bindings.map(
        (binding: { name: string; class_name: string }) => `${binding.name}:${binding.class_name}`,
      ),
      queueProducers:
        config.queues.producers?.map(
          (queue: { binding: string; queue: string }) => `${queue.binding}:${queue.queue}`,
        ) ?? [],
      queueConsumers:
        config.queues.consumers?.map(
          (queue: { queue: string; dead_letter_queue?: string }) =>
            `${queue.queue}→${queue.dead_letter_queue ?? "none"}`,
        ) ?? [],
      crons: config.triggers.crons ?? [],
    },
  };
}

/**
 * The queues as wrangler.toml consumes them, but each batch handed over at once instead of after up to
 * `max_batch_timeout` (a second): a test waits on every queue hop (a notice, then its deliveries), and batching
 * only pays off under production traffic.
 */
interface QueueConsumer {
  queue: string;
  max_batch_size?: number;
  max_retries?: number;
  dead_letter_queue?: string;
}

function promptQueueConsumers() {
  const config = unstable_readConfig({ config: "./wrangler.toml" }, { hideWarnings: true });
  return Object.fromEntries(
    (config.queues.consumers ?? []).map((queue: QueueConsumer) => [
      queue.queue,
      {
        maxBatchSize: queue.max_batch_size,
        maxBatchTimeout: 0,
        maxRetries: queue.max_retries,
        deadLetterQueue: queue.dead_letter_queue,
      },
    ]),
  );
}

type Inject = <T>(key: string) => T;

/**
 * What a run on another relational store adds to the shared setup: bindings for the Worker (from values its
 * global setup provides) and test options (its own setup files, files it leaves out).
 */
export interface DatabaseRun {
  bindings?: (inject: Inject) => Record<string, string>;
  /** Its own Vite cache (pre-bundled packages), so it can run beside the D1 run without either rewriting the other's. */
  cacheDir?: string;
  test?: NonNullable<ViteUserConfig["test"]>;
}

/** The Worker under test with the test bindings, on D1 unless a run says otherwise. */
export function workersTests(run: DatabaseRun = {}) {
  return defineConfig({
    cacheDir: run.cacheDir,
    plugins: [
      cloudflareTest(async ({ inject }) => ({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          queueConsumers: promptQueueConsumers(),
          bindings: {
            ENVIRONMENT: "test",
            QUEUE_RETRY_BASE_SECONDS: "0",
            SIMULATED_WEBHOOK_SECRET: "test-simulated-webhook-secret",
            CART_TOKEN_SECRET: "test-cart-token-secret",
            CONSOLE_COOKIE_SECRET: "test-console-cookie-secret",
            UNSUBSCRIBE_TOKEN_SECRET: "test-unsubscribe-token-secret",
            RECORDER_URL: inject<string>("recorderUrl"),
            PUSH_SERVICE_URL: inject<string>("pushServiceUrl"),
            ...TEST_VAPID_KEYS,
            UPSTASH_TEST_URL: inject<string>("upstashUrl"),
            UPSTASH_TEST_TOKEN: inject<string>("upstashToken"),
            JWT_SIGNING_KEYS: JSON.stringify(TEST_SIGNING_KEYS),
            // Social sign-in through the local provider (test/support/global-setup.ts); "stale-secret" is the same
            // provider with a client secret it refuses, "offline" one that is not there; "github" is the GitHub
            // preset against a stand-in of github.com and its API (test/support/github-stand-in.ts).
            OIDC_PROVIDERS: JSON.stringify([
              { id: "local", name: "Local provider", issuer: inject<string>("oidcIssuer"), ...TEST_OIDC_CLIENT },
              {
                id: "stale-secret",
                issuer: inject<string>("oidcIssuer"),
                clientId: TEST_OIDC_CLIENT.clientId,
                clientSecret: "not-the-secret",
              },
              { id: "offline", issuer: "http://127.0.0.1:9", ...TEST_OIDC_CLIENT },
              {
                id: "github",
                preset: "github",
                issuer: inject<string>("githubUrl"),
                api: inject<string>("githubUrl"),
                clientId: "book-bazaar-github-test",
                clientSecret: "test-github-client-secret",
              },
            ]),
            STOREFRONT_ORIGINS: "https://shop.bazaar.test",
            ADMIN_EMAILS: TEST_ADMIN_EMAILS.join(","),
            // Low enough that tests can trip them; short windows so tests can watch them recover.
            RATE_LIMIT_LOGIN_PER_ACCOUNT: "5/2",
            RATE_LIMIT_PASSWORD_RESET_PER_ACCOUNT: "3/2",
            RATE_LIMIT_VERIFICATION_MAIL_PER_ACCOUNT: "3/2",
            RATE_LIMIT_REGISTER_PER_IP: "50/60",
            RATE_LIMIT_LOGIN_PER_IP: "50/60",
            RATE_LIMIT_PASSWORD_RESET_PER_IP: "50/60",
            // Request budgets (workers/config.ts BUDGETS) high enough that no suite trips them: 500 concurrent
            // checkouts and bulk imports share one client IP; test/foundation/rate-limits.test.ts lowers its own.
            ...Object.fromEntries(
              ["CHECKOUT", "CART", "REFUNDS", "LISTINGS", "IMPORTS", "TICKETS", "SEARCH", "SUGGEST", "WRITES"].flatMap(
                (budget) => [
                  [`RATE_LIMIT_${budget}_PER_USER`, "1000000/60"],
                  [`RATE_LIMIT_${budget}_PER_IP`, "1000000/60"],
                ],
              ),
            ),
            RATE_LIMIT_REVIEWS_PER_IP: "1000000/60",
            RATE_LIMIT_COMMENTS_PER_IP: "1000000/60",
            TEST_MIGRATIONS: await readD1Migrations("./schema/migrations"),
            WRANGLER_ENVIRONMENTS: JSON.stringify({
              development: wranglerEnvironment(),
              production: wranglerEnvironment("production"),
            }),
            ...run.bindings?.(inject as Inject),
          },
        },
      })),
    ],
    test: {
      include: ["test/**/*.test.ts"],
      silent: "passed-only",
      testTimeout: 20_000,
      hookTimeout: 30_000,
      // Two files at a time even on two cores (vitest's default is one fewer than the cores): a file spends much
      // of its time waiting on queues, timers and workerd, so two overlap well (a third brings little).
      maxWorkers: 2,
      // One runtime per worker for all its files (a fresh one per file cost about two seconds each in startup and
      // module loading): each file still starts on a fresh relational store (test/support/apply-migrations.ts,
      // fresh-mysql.ts), and tests name their own users, listings and carts, so Durable Objects need no reset.
      isolate: false,
      // Packages pre-bundled by esbuild, so each test file loads one module per package instead of hundreds
      // (stripe alone is 270 files): CommonJS ones whose ESM wrapper workerd's loader cannot resolve, and the
      // large ESM ones. A package's subpaths are listed with it, so its modules exist once; hono and
      // @hono/zod-openapi stay unbundled, or a bundled copy of hono's HTTPException would escape the error handler.
      deps: {
        optimizer: {
          ssr: {
            enabled: true,
            include: [
              "obscenity",
              "sentiment",
              "stripe",
              "zod",
              "drizzle-orm",
              "drizzle-orm/sqlite-core",
              "drizzle-orm/mysql-core",
              "drizzle-orm/d1",
              "drizzle-orm/planetscale-serverless",
              "drizzle-orm/batch",
              "jose",
              "@upstash/redis/cloudflare",
              "@upstash/ratelimit",
              "@planetscale/database",
              "csv-parse/sync",
              "@cfworker/json-schema",
            ],
          },
        },
      },
      ...run.test,
      // The operator scripts' tests and the browser tests run in Node, not workerd (vitest.*.config.ts).
      exclude: [...configDefaults.exclude, "test/scripts/**", "test/browser/**", ...(run.test?.exclude ?? [])],
      globalSetup: ["./test/support/global-setup.ts", ...[run.test?.globalSetup ?? []].flat()],
      setupFiles: [
        "./test/support/apply-migrations.ts",
        ...[run.test?.setupFiles ?? []].flat(),
        "./test/support/settle-queues.ts",
      ],
    },
  });
}

export default workersTests();
