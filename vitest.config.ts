import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [
    cloudflareTest(async ({ inject }) => ({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          ENVIRONMENT: "test",
          QUEUE_RETRY_BASE_SECONDS: "0",
          SIMULATED_WEBHOOK_SECRET: "test-simulated-webhook-secret",
          RECORDER_URL: inject<string>("recorderUrl"),
          UPSTASH_TEST_URL: inject<string>("upstashUrl"),
          UPSTASH_TEST_TOKEN: inject<string>("upstashToken"),
          TEST_MIGRATIONS: await readD1Migrations("./schema/migrations"),
        },
      },
    })),
  ],
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["./test/support/global-setup.ts"],
    setupFiles: ["./test/support/apply-migrations.ts"],
    silent: "passed-only",
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
