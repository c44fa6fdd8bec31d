import { defineConfig } from "vitest/config";

/**
 * The seller console in a real browser (part of `npm test`, also `npm run test:browser`): Debian's Chromium, driven
 * by playwright-core from Node, against the Worker as `npm start` serves it (wrangler dev, local D1, Durable
 * Objects, queues and R2). One browser file at a time: each drives a whole Chromium on a small machine.
 */
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    globalSetup: ["./test/browser/support/global-setup.ts"],
  },
});
