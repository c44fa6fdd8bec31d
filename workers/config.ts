import { z } from "zod";

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
    RATE_LIMIT_ADAPTER: z.enum(["durable-object", "upstash"]).default("durable-object"),
    CACHE_ADAPTER: z.enum(["cache-api", "upstash"]).default("cache-api"),
    UPSTASH_REDIS_REST_URL: z.url().optional(),
    UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
    PAYMENT_PROVIDER: z.enum(["simulated", "stripe"]).default("simulated"),
    SIMULATED_WEBHOOK_SECRET: z.string().min(16).optional(),
    STRIPE_SECRET_KEY: z.string().min(1).optional(),
    STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
    STRIPE_API_BASE: z.url().optional(),
    // `npm run bench` turns this on so responses report what their D1 queries read (see platform/d1-usage.ts).
    BENCH_MODE: z.stringbool().default(false),
  })
  .superRefine((config, ctx) => {
    const need = (key: keyof typeof config, when: string) => {
      if (!config[key]) ctx.addIssue({ code: "custom", path: [key], message: `required when ${when}` });
    };
    if (config.MAIL_ADAPTER === "http") {
      need("MAIL_API_URL", "MAIL_ADAPTER=http");
      need("MAIL_API_KEY", "MAIL_ADAPTER=http");
    }
    for (const key of ["RATE_LIMIT_ADAPTER", "CACHE_ADAPTER"] as const) {
      if (config[key] === "upstash") {
        need("UPSTASH_REDIS_REST_URL", `${key}=upstash`);
        need("UPSTASH_REDIS_REST_TOKEN", `${key}=upstash`);
      }
    }
    if (config.PAYMENT_PROVIDER === "simulated") need("SIMULATED_WEBHOOK_SECRET", "PAYMENT_PROVIDER=simulated");
    if (config.PAYMENT_PROVIDER === "stripe") {
      need("STRIPE_SECRET_KEY", "PAYMENT_PROVIDER=stripe");
      need("STRIPE_WEBHOOK_SECRET", "PAYMENT_PROVIDER=stripe");
    }
    if (config.ENVIRONMENT === "production") {
      if (config.PAYMENT_PROVIDER === "simulated") {
        ctx.addIssue({
          code: "custom",
          path: ["PAYMENT_PROVIDER"],
          message: "simulated payments are for development only",
        });
      }
      if (config.STRIPE_API_BASE) {
        ctx.addIssue({ code: "custom", path: ["STRIPE_API_BASE"], message: "only for local test servers" });
      }
      if (config.MAIL_ADAPTER === "dev-mailbox") {
        ctx.addIssue({ code: "custom", path: ["MAIL_ADAPTER"], message: "the dev mailbox is for development only" });
      }
      if (config.CORS_ORIGINS.includes("*")) {
        ctx.addIssue({ code: "custom", path: ["CORS_ORIGINS"], message: "list the storefront origins explicitly" });
      }
      if (config.BENCH_MODE) {
        ctx.addIssue({
          code: "custom",
          path: ["BENCH_MODE"],
          message: "bench mode exposes query costs; never in production",
        });
      }
    }
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
