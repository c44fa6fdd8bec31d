import { defineConfig } from "vitest/config";

/**
 * `npm run test:runtimes`: the read API on Bun and Deno (servers/) beside the Worker, in Node, each a real process
 * on one private MariaDB behind the PlanetScale HTTP API. Not in `npm test`: it needs mariadbd, bun and deno.
 */
export default defineConfig({
  test: {
    include: ["test/runtimes/**/*.smoke.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 240_000,
  },
});
