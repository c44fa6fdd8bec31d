import { z } from "zod";
import { isLocalDatabaseHost } from "./platform/planetscale";

/**
 * Runtime configuration, validated once per isolate from the Worker's vars and secrets.
 * Each adapter switch defaults to the embedded implementation so a fresh clone runs with no accounts.
 */
const csv = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
  );

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** A rate-limit rule written as `<hits>/<seconds>`, e.g. `10/900` = at most 10 hits per 15 minutes. */
const rateRule = z
  .string()
  .trim()
  .regex(/^[1-9]\d*\/[1-9]\d*$/, "write a rule as <hits>/<seconds>, e.g. 10/900")
  .transform((value) => {
    const [limit, windowSeconds] = value.split("/").map(Number) as [number, number];
    return { limit, windowSeconds };
  });
export type RateRuleConfig = z.infer<typeof rateRule>;

/** Per-IP limits: strict in production, high elsewhere so a load test or scripted walk-through is not throttled. */
const PER_IP_DEFAULTS = {
  RATE_LIMIT_REGISTER_PER_IP: { production: "20/3600", other: "10000/60" },
  RATE_LIMIT_LOGIN_PER_IP: { production: "100/300", other: "10000/60" },
  RATE_LIMIT_PASSWORD_RESET_PER_IP: { production: "20/3600", other: "10000/60" },
} as const;

/**
 * Request budgets, each counted per signed-in user and per client IP as `<hits>/<seconds>`
 * (RATE_LIMIT_<BUDGET>_PER_USER and _PER_IP; see `workers/http/rate-limit.ts`): production defaults are strict, the
 * others high so a load test or scripted walk-through is not throttled. Reviews and comments count per reader
 * against community's own RATE_LIMIT_REVIEWS_PER_READER / RATE_LIMIT_COMMENTS_PER_READER, strict everywhere.
 */
export const BUDGETS = {
  checkout: { perUser: "20/600", perIp: "60/600" },
  cart: { perUser: "300/600", perIp: "1000/600" },
  refunds: { perUser: "30/3600", perIp: "100/3600" },
  listings: { perUser: "600/3600", perIp: "1200/3600" },
  imports: { perUser: "10/3600", perIp: "30/3600" },
  reviews: { perUser: "RATE_LIMIT_REVIEWS_PER_READER", perIp: "60/3600" },
  comments: { perUser: "RATE_LIMIT_COMMENTS_PER_READER", perIp: "120/600" },
  tickets: { perUser: "20/3600", perIp: "60/3600" },
  search: { perUser: "120/60", perIp: "300/60" },
  suggest: { perUser: "600/60", perIp: "1200/60" },
  writes: { perUser: "300/600", perIp: "1000/600" },
} as const;
export type Budget = keyof typeof BUDGETS;
const OTHER_TIER_BUDGET = "100000/60";

type BudgetKey = `RATE_LIMIT_${Uppercase<Budget>}_PER_${"USER" | "IP"}`;
/** The configuration key of a budget's per-user or per-IP rule. */
export function budgetKey(budget: Budget, per: "user" | "ip"): keyof Config {
  const own = BUDGETS[budget][per === "user" ? "perUser" : "perIp"];
  return (
    own.startsWith("RATE_LIMIT_") ? own : `RATE_LIMIT_${budget.toUpperCase()}_PER_${per.toUpperCase()}`
  ) as keyof Config;
}
const budgetFields = Object.fromEntries(
  (Object.keys(BUDGETS) as Budget[]).flatMap((budget) =>
    (["user", "ip"] as const)
      .filter((per) => !BUDGETS[budget][per === "user" ? "perUser" : "perIp"].startsWith("RATE_LIMIT_"))
      .map((per) => [`RATE_LIMIT_${budget.toUpperCase()}_PER_${per.toUpperCase()}`, rateRule.optional()]),
  ),
) as Record<
  Exclude<BudgetKey, "RATE_LIMIT_REVIEWS_PER_USER" | "RATE_LIMIT_COMMENTS_PER_USER">,
  ReturnType<typeof rateRule.optional>
>;

/**
 * A VAPID key pair (RFC 8292) as push clients and `scripts/generate-vapid-keys.mjs` write it: the public key is
 * the uncompressed P-256 point (65 bytes, base64url), the private key its 32-byte scalar (base64url). A private
 * key written `dev-…` is a development key: accepted without the prefix elsewhere, refused in production.
 */
const vapidPublicKey = z
  .string()
  .regex(/^B[A-Za-z0-9_-]{86}$/, "the uncompressed P-256 public key, base64url (87 characters starting with B)");
const vapidPrivateKey = z
  .string()
  .regex(/^(dev-)?[A-Za-z0-9_-]{43}$/, "the P-256 private key, base64url (43 characters)");

/** A signing key for access tokens: a private JWK with its `kid` (generate one with scripts/generate-jwt-key.mjs). */
const SigningJwk = z
  .object({
    kty: z.enum(["EC", "OKP"]),
    crv: z.enum(["P-256", "Ed25519"]),
    kid: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, "1-64 letters, digits, dots, dashes or underscores"),
    x: z.string().min(1),
    y: z.string().min(1).optional(),
    d: z.string().min(1, "a private key (with d) is required"),
    alg: z.string().optional(),
  })
  .loose();
export type SigningJwk = z.infer<typeof SigningJwk>;

const signingKeys = z
  .string()
  .transform((value, ctx) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "must be a JSON array of private JWKs" });
      return z.NEVER;
    }
  })
  .pipe(z.array(SigningJwk).min(1, "at least one key"));

/**
 * A sign-in provider: its `id` names it in the routes (`/v1/auth/oidc/{id}/start`). An OpenID Connect provider is
 * its `issuer` (where its discovery document lives) or the `google` preset; the `github` preset is GitHub's OAuth 2
 * apps (GitHub issues no ID tokens), whose `issuer` and `api` default to github.com and api.github.com.
 */
const OidcProvider = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,32}$/, "lower-case letters, digits and dashes"),
    name: z.string().min(1).max(60).optional(),
    preset: z.enum(["google", "github"]).optional(),
    issuer: z.url().optional(),
    api: z.url().optional(),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
  })
  .refine((provider) => provider.issuer || provider.preset, "name an issuer or a preset");
export type OidcProviderConfig = z.infer<typeof OidcProvider>;

const oidcProviders = z
  .string()
  .transform((value, ctx) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "must be a JSON array of providers" });
      return z.NEVER;
    }
  })
  .pipe(z.array(OidcProvider))
  .refine((providers) => new Set(providers.map((p) => p.id)).size === providers.length, "duplicate provider id");

/** The JWK shape each accepted JWS algorithm needs. */
const KEY_SHAPE = { ES256: { kty: "EC", crv: "P-256" }, EdDSA: { kty: "OKP", crv: "Ed25519" } } as const;

export const ConfigSchema = z
  .object({
    ENVIRONMENT: z.enum(["development", "test", "production"]).default("development"),
    PUBLIC_BASE_URL: z.url().default("http://127.0.0.1:8787"),
    CORS_ORIGINS: csv,
    MAX_BODY_BYTES: positiveInt(1024 * 1024),
    QUEUE_RETRY_BASE_SECONDS: z.coerce.number().int().min(0).default(2),
    MAIL_ADAPTER: z.enum(["dev-mailbox", "http"]).default("dev-mailbox"),
    MAIL_FROM: z.string().min(3).default("Book Bazaar <hello@bookbazaar.local>"),
    MAIL_API_URL: z.url().optional(),
    MAIL_API_KEY: z.string().min(1).optional(),
    // notifications: SMS through an HTTP API of Twilio's shape (SMS_AUTH_TOKEN is a secret), and Web Push signed
    // with a VAPID key pair (VAPID_PRIVATE_KEY is a secret); both keep their messages in dev_messages by default
    SMS_ADAPTER: z.enum(["dev-log", "http"]).default("dev-log"),
    SMS_API_URL: z.url().optional(),
    SMS_ACCOUNT_SID: z.string().min(1).optional(),
    SMS_AUTH_TOKEN: z.string().min(1).optional(),
    // the sender: a number (E.164) or an alphanumeric sender id of up to 11 characters
    SMS_FROM: z
      .string()
      .regex(/^(\+[1-9]\d{6,14}|[A-Za-z0-9 ]{1,11})$/, "an E.164 number or an alphanumeric sender id")
      .optional(),
    PUSH_ADAPTER: z.enum(["dev-log", "web-push"]).default("dev-log"),
    VAPID_PUBLIC_KEY: vapidPublicKey.optional(),
    VAPID_PRIVATE_KEY: vapidPrivateKey.optional(),
    VAPID_SUBJECT: z
      .string()
      .regex(/^(mailto:|https:\/\/)\S+$/, "a mailto: or https: URL where the push service can reach us")
      .optional(),
    RATE_LIMIT_ADAPTER: z.enum(["durable-object", "upstash"]).default("durable-object"),
    CACHE_ADAPTER: z.enum(["cache-api", "upstash", "memory"]).default("cache-api"),
    // CACHE_ADAPTER=memory: megabytes of cached JSON one isolate or process keeps, least recently used out first
    CACHE_MEMORY_MB: positiveInt(64),
    UPSTASH_REDIS_REST_URL: z.url().optional(),
    UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
    CART_TOKEN_SECRET: z.string().min(16).optional(),
    // seals the seller console's session cookie and derives its CSRF tokens
    CONSOLE_COOKIE_SECRET: z.string().min(16).optional(),
    // signs the one-click unsubscribe links of notification mail (HMAC-SHA256)
    UNSUBSCRIBE_TOKEN_SECRET: z.string().min(16).optional(),
    CART_HOLD_MINUTES: positiveInt(15),
    PAYMENT_PROVIDER: z.enum(["simulated", "stripe"]).default("simulated"),
    SIMULATED_WEBHOOK_SECRET: z.string().min(16).optional(),
    STRIPE_SECRET_KEY: z.string().min(1).optional(),
    STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
    STRIPE_API_BASE: z.url().optional(),
    PRINT_ADAPTER: z.enum(["log", "http"]).default("log"),
    PRINT_API_URL: z.url().optional(),
    PRINT_API_KEY: z.string().min(1).optional(),
    // the relational store: D1 (default) or PlanetScale (PLANETSCALE_PASSWORD is a secret)
    DATABASE: z.enum(["d1", "planetscale"]).default("d1"),
    PLANETSCALE_HOST: z
      .string()
      .regex(/^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9a-fA-F:]+\](:\d+)?$/, "a host name, with a port if not 443")
      .optional(),
    PLANETSCALE_USERNAME: z.string().min(1).optional(),
    PLANETSCALE_PASSWORD: z.string().min(1).optional(),
    // Set by servers/read-api.ts, never by hand: the read-only API on Bun or Deno, with no D1, Durable Objects,
    // Queues or Cache API, and none of the secrets that writes, payments and sign-in need.
    READ_SERVER: z.stringbool().default(false),
    // `npm run bench` turns this on so responses report what their D1 queries read (see platform/d1-usage.ts).
    BENCH_MODE: z.stringbool().default(false),

    // identity: access tokens (JWT_SIGNING_KEYS is a secret: the first key signs, all verify)
    JWT_ALGORITHM: z.enum(["ES256", "EdDSA"]).default("ES256"),
    JWT_SIGNING_KEYS: signingKeys.optional(),
    JWT_ISSUER: z.string().min(1).default("book-bazaar"),
    JWT_AUDIENCE: z.string().min(1).default("book-bazaar-api"),
    // identity: emails that get the admin role at login/refresh (the other way is `npm run admin:grant`)
    ADMIN_EMAILS: csv.transform((emails) => emails.map((email) => email.toLowerCase())),
    // identity: social sign-in providers (OIDC_PROVIDERS is a secret: it holds client secrets), and the storefront
    // origins a sign-in may return to (never "*": anything else is an open redirect)
    OIDC_PROVIDERS: oidcProviders.optional(),
    STOREFRONT_ORIGINS: csv,
    // identity: a session ends this many days after its login, however often it is refreshed
    SESSION_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    // identity: admin routes, and a seller's payout onboarding, answer 403 `mfa_enrolment_required` to an account
    // without TOTP on; on by default in production, off elsewhere (local runs and tests sign admins in with a
    // password only)
    MFA_REQUIRED_FOR_ADMINS: z.stringbool().optional(),
    MFA_REQUIRED_FOR_PAYOUTS: z.stringbool().optional(),
    // identity: argon2id cost; OWASP minimum is 19 MiB, 2 iterations, parallelism 1. Raise them and
    // stored hashes are upgraded at the next login.
    PASSWORD_HASH_MEMORY_KIB: z.coerce.number().int().min(19_456).max(262_144).default(19_456),
    PASSWORD_HASH_ITERATIONS: z.coerce.number().int().min(2).max(20).default(2),
    PASSWORD_HASH_PARALLELISM: z.coerce.number().int().min(1).max(4).default(1),
    // identity: rate limits as <hits>/<seconds>; per-account ones are strict in every environment
    RATE_LIMIT_LOGIN_PER_ACCOUNT: rateRule.default({ limit: 10, windowSeconds: 900 }),
    RATE_LIMIT_PASSWORD_RESET_PER_ACCOUNT: rateRule.default({ limit: 3, windowSeconds: 3600 }),
    RATE_LIMIT_VERIFICATION_MAIL_PER_ACCOUNT: rateRule.default({ limit: 3, windowSeconds: 3600 }),
    RATE_LIMIT_REGISTER_PER_IP: rateRule.optional(),
    RATE_LIMIT_LOGIN_PER_IP: rateRule.optional(),
    RATE_LIMIT_PASSWORD_RESET_PER_IP: rateRule.optional(),
    // community: posting limits per reader as <hits>/<seconds>, and how many distinct reporters hide content
    RATE_LIMIT_REVIEWS_PER_READER: rateRule.default({ limit: 10, windowSeconds: 3600 }),
    RATE_LIMIT_COMMENTS_PER_READER: rateRule.default({ limit: 30, windowSeconds: 600 }),
    RATE_LIMIT_REPORTS_PER_READER: rateRule.default({ limit: 20, windowSeconds: 3600 }),
    // request budgets per user and per IP, as <hits>/<seconds> (BUDGETS above)
    ...budgetFields,
    MODERATION_HIDE_AFTER_REPORTS: z.coerce.number().int().min(1).max(100).default(3),
    // live channel: how long a ticket from POST /v1/me/live-ticket may wait before it opens a socket
    LIVE_TICKET_SECONDS: z.coerce.number().int().min(1).max(300).default(30),
    // notifications: how long a signed-in buyer's cart sits unchanged before its one reminder (marketing opt-in)
    CART_REMINDER_DELAY_MINUTES: positiveInt(1440),
    // notifications: phone verification codes sent, per account and per number, as <hits>/<seconds>
    RATE_LIMIT_PHONE_CODES_PER_ACCOUNT: rateRule.default({ limit: 5, windowSeconds: 3600 }),
    RATE_LIMIT_PHONE_CODES_PER_NUMBER: rateRule.default({ limit: 5, windowSeconds: 3600 }),
    // orders: a return window for every seller, in seconds, so a local run can see an order complete (development
    // and test only; production uses each seller's own window)
    RETURN_WINDOW_SECONDS: z.coerce.number().int().min(0).max(31_536_000).optional(),
    // support: how long a seller has to answer a ticket before it is escalated to the marketplace's support
    SUPPORT_SELLER_REPLY_HOURS: positiveInt(48),
    // orders: how long a payment that settles later (a bank debit) keeps its copies held, at most
    PAYMENT_PROCESSING_HOLD_DAYS: z.coerce.number().int().min(1).max(14).default(5),
    // payouts: the marketplace's fee on each seller order, in basis points of the seller's sales plus a fixed
    // amount in minor units of the marketplace currency
    PLATFORM_FEE_BASIS_POINTS: z.coerce.number().int().min(0).max(5_000).default(1_000),
    PLATFORM_FEE_FIXED: z.coerce.number().int().min(0).max(10_000).default(30),
  })
  .superRefine((config, ctx) => {
    const need = (key: keyof typeof config, when: string) => {
      if (!config[key]) ctx.addIssue({ code: "custom", path: [key], message: `required when ${when}` });
    };
    // The read server only reads PlanetScale and a cache; what only writes need is neither required nor checked.
    const writes = !config.READ_SERVER;
    if (config.READ_SERVER && config.DATABASE !== "planetscale") {
      ctx.addIssue({
        code: "custom",
        path: ["DATABASE"],
        message: "the read server has no D1 binding: set DATABASE=planetscale",
      });
    }
    if (config.READ_SERVER && config.CACHE_ADAPTER === "cache-api") {
      ctx.addIssue({
        code: "custom",
        path: ["CACHE_ADAPTER"],
        message: "the read server has no Workers Cache API: set CACHE_ADAPTER=memory or upstash",
      });
    }
    if (writes && config.MAIL_ADAPTER === "http") {
      need("MAIL_API_URL", "MAIL_ADAPTER=http");
      need("MAIL_API_KEY", "MAIL_ADAPTER=http");
    }
    if (writes && config.SMS_ADAPTER === "http") {
      for (const key of ["SMS_API_URL", "SMS_ACCOUNT_SID", "SMS_AUTH_TOKEN", "SMS_FROM"] as const) {
        need(key, "SMS_ADAPTER=http");
      }
    }
    if (writes && config.PUSH_ADAPTER === "web-push") {
      for (const key of ["VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY", "VAPID_SUBJECT"] as const) {
        need(key, "PUSH_ADAPTER=web-push");
      }
    }
    if (Boolean(config.VAPID_PUBLIC_KEY) !== Boolean(config.VAPID_PRIVATE_KEY)) {
      ctx.addIssue({ code: "custom", path: ["VAPID_PRIVATE_KEY"], message: "set both halves of the VAPID key pair" });
    }
    for (const key of ["RATE_LIMIT_ADAPTER", "CACHE_ADAPTER"] as const) {
      if (config[key] === "upstash") {
        need("UPSTASH_REDIS_REST_URL", `${key}=upstash`);
        need("UPSTASH_REDIS_REST_TOKEN", `${key}=upstash`);
      }
    }
    if (writes) need("CART_TOKEN_SECRET", "guests have carts");
    if (writes) need("CONSOLE_COOKIE_SECRET", "sellers sign in to the console");
    if (writes) need("UNSUBSCRIBE_TOKEN_SECRET", "notification mail carries unsubscribe links");
    if (writes && config.PRINT_ADAPTER === "http") {
      need("PRINT_API_URL", "PRINT_ADAPTER=http");
      need("PRINT_API_KEY", "PRINT_ADAPTER=http");
    }
    if (writes && config.PAYMENT_PROVIDER === "simulated") {
      need("SIMULATED_WEBHOOK_SECRET", "PAYMENT_PROVIDER=simulated");
    }
    if (writes && config.PAYMENT_PROVIDER === "stripe") {
      need("STRIPE_SECRET_KEY", "PAYMENT_PROVIDER=stripe");
      need("STRIPE_WEBHOOK_SECRET", "PAYMENT_PROVIDER=stripe");
    }
    if (config.DATABASE === "planetscale") {
      need("PLANETSCALE_HOST", "DATABASE=planetscale");
      need("PLANETSCALE_USERNAME", "DATABASE=planetscale");
      need("PLANETSCALE_PASSWORD", "DATABASE=planetscale");
    }
    if (writes) need("JWT_SIGNING_KEYS", "issuing access tokens (see scripts/generate-jwt-key.mjs)");
    const shape = KEY_SHAPE[config.JWT_ALGORITHM];
    const kids = new Set<string>();
    for (const [index, key] of (config.JWT_SIGNING_KEYS ?? []).entries()) {
      const path = ["JWT_SIGNING_KEYS", index];
      if (key.kty !== shape.kty || key.crv !== shape.crv || (key.alg && key.alg !== config.JWT_ALGORITHM)) {
        ctx.addIssue({ code: "custom", path, message: `key ${key.kid} is not a ${config.JWT_ALGORITHM} key` });
      }
      if (kids.has(key.kid)) ctx.addIssue({ code: "custom", path, message: `duplicate kid ${key.kid}` });
      kids.add(key.kid);
      if (config.ENVIRONMENT === "production" && key.kid.startsWith("dev-")) {
        ctx.addIssue({ code: "custom", path, message: `development key ${key.kid} refused in production` });
      }
    }
    for (const [index, origin] of config.STOREFRONT_ORIGINS.entries()) {
      if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
        ctx.addIssue({
          code: "custom",
          path: ["STOREFRONT_ORIGINS", index],
          message: "an origin: scheme://host[:port]",
        });
      }
    }
    if (config.ENVIRONMENT === "production") {
      for (const [index, provider] of (config.OIDC_PROVIDERS ?? []).entries()) {
        for (const key of ["issuer", "api"] as const) {
          if (provider[key] && !provider[key].startsWith("https://")) {
            ctx.addIssue({ code: "custom", path: ["OIDC_PROVIDERS", index, key], message: "an https URL" });
          }
        }
      }
      if (writes && config.PAYMENT_PROVIDER === "simulated") {
        ctx.addIssue({
          code: "custom",
          path: ["PAYMENT_PROVIDER"],
          message: "simulated payments are for development only",
        });
      }
      if (config.STRIPE_API_BASE) {
        ctx.addIssue({ code: "custom", path: ["STRIPE_API_BASE"], message: "only for local test servers" });
      }
      if (writes && config.CART_TOKEN_SECRET?.startsWith("dev-")) {
        ctx.addIssue({ code: "custom", path: ["CART_TOKEN_SECRET"], message: "the development secret is refused" });
      }
      if (writes && config.CONSOLE_COOKIE_SECRET?.startsWith("dev-")) {
        ctx.addIssue({ code: "custom", path: ["CONSOLE_COOKIE_SECRET"], message: "the development secret is refused" });
      }
      if (writes && config.UNSUBSCRIBE_TOKEN_SECRET?.startsWith("dev-")) {
        ctx.addIssue({
          code: "custom",
          path: ["UNSUBSCRIBE_TOKEN_SECRET"],
          message: "the development secret is refused",
        });
      }
      if (writes && config.MAIL_ADAPTER === "dev-mailbox") {
        ctx.addIssue({ code: "custom", path: ["MAIL_ADAPTER"], message: "the dev mailbox is for development only" });
      }
      if (writes && config.SMS_ADAPTER === "dev-log") {
        ctx.addIssue({ code: "custom", path: ["SMS_ADAPTER"], message: "the SMS dev log is for development only" });
      }
      if (writes && config.PUSH_ADAPTER === "dev-log") {
        ctx.addIssue({ code: "custom", path: ["PUSH_ADAPTER"], message: "the push dev log is for development only" });
      }
      if (config.VAPID_PRIVATE_KEY?.startsWith("dev-")) {
        ctx.addIssue({ code: "custom", path: ["VAPID_PRIVATE_KEY"], message: "the development key is refused" });
      }
      if (config.CORS_ORIGINS.includes("*")) {
        ctx.addIssue({ code: "custom", path: ["CORS_ORIGINS"], message: "list the storefront origins explicitly" });
      }
      if (config.PLANETSCALE_HOST && isLocalDatabaseHost(config.PLANETSCALE_HOST)) {
        ctx.addIssue({
          code: "custom",
          path: ["PLANETSCALE_HOST"],
          message: "a local proxy host is for development and tests only",
        });
      }
      if (config.RETURN_WINDOW_SECONDS !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["RETURN_WINDOW_SECONDS"],
          message: "one return window for every seller is for local runs and tests only",
        });
      }
      if (config.BENCH_MODE) {
        ctx.addIssue({
          code: "custom",
          path: ["BENCH_MODE"],
          message: "bench mode exposes query costs; never in production",
        });
      }
    }
  })
  .transform((config) => {
    const tier = config.ENVIRONMENT === "production" ? "production" : "other";
    const perIp = (key: keyof typeof PER_IP_DEFAULTS) => config[key] ?? rateRule.parse(PER_IP_DEFAULTS[key][tier]);
    return {
      ...config,
      JWT_SIGNING_KEYS: config.JWT_SIGNING_KEYS ?? [],
      OIDC_PROVIDERS: config.OIDC_PROVIDERS ?? [],
      MFA_REQUIRED_FOR_ADMINS: config.MFA_REQUIRED_FOR_ADMINS ?? tier === "production",
      MFA_REQUIRED_FOR_PAYOUTS: config.MFA_REQUIRED_FOR_PAYOUTS ?? tier === "production",
      VAPID_PRIVATE_KEY: config.VAPID_PRIVATE_KEY?.replace(/^dev-/, ""),
      RATE_LIMIT_REGISTER_PER_IP: perIp("RATE_LIMIT_REGISTER_PER_IP"),
      RATE_LIMIT_LOGIN_PER_IP: perIp("RATE_LIMIT_LOGIN_PER_IP"),
      RATE_LIMIT_PASSWORD_RESET_PER_IP: perIp("RATE_LIMIT_PASSWORD_RESET_PER_IP"),
      ...(Object.fromEntries(
        Object.keys(budgetFields).map((key) => {
          const [budget, per] = key.replace("RATE_LIMIT_", "").toLowerCase().split("_per_") as [Budget, "user" | "ip"];
          const fallback =
            tier === "production" ? BUDGETS[budget][per === "user" ? "perUser" : "perIp"] : OTHER_TIER_BUDGET;
          return [key, config[key as keyof typeof budgetFields] ?? rateRule.parse(fallback)];
        }),
      ) as Record<keyof typeof budgetFields, RateRuleConfig>),
    };
  });

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid configuration: ${issues.join("; ")}`);
  }
}

const cache = new WeakMap<object, Config>();

/** Parses the environment once per isolate (the env object is stable for an isolate's life). */
export function loadConfig(env: Env): Config {
  const cached = cache.get(env);
  if (cached) return cached;
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  cache.set(env, parsed.data);
  return parsed.data;
}
