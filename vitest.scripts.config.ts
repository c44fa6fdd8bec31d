import { defineConfig } from "vitest/config";

/** `npm run test:scripts`: the operator scripts' tests, in Node: they start miniflare and MariaDB themselves. */
export default defineConfig({
  test: {
    include: ["test/scripts/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
