import { workersTests } from "./vitest.config";

/** Which half of the run this is, when scripts/test-planetscale.mjs runs it in halves. */
const shard = process.env.PLANETSCALE_SHARD;

/**
 * `npm run test:planetscale`: the suites again with DATABASE=planetscale, the Worker talking to a private MariaDB
 * through the real @planetscale/database driver and a local stand-in of PlanetScale's HTTP API. Files share that
 * one database, so they run one at a time and each starts on emptied tables (D1 gives each file fresh storage);
 * scripts/test-planetscale.mjs runs two halves of the files side by side, each with a MariaDB and a cache of its own.
 */
export default workersTests({
  bindings: (inject) => ({
    DATABASE: "planetscale",
    PLANETSCALE_HOST: inject<string>("planetscaleHost"),
    PLANETSCALE_USERNAME: inject<string>("planetscaleUsername"),
    PLANETSCALE_PASSWORD: inject<string>("planetscalePassword"),
  }),
  cacheDir: shard ? `node_modules/.vite-planetscale-${shard}` : "node_modules/.vite-planetscale",
  test: {
    // About D1 itself, not the store: SQLite's query plans, rows read as D1's own meter reports them, and the
    // Sessions API's bookmarks for read replicas.
    exclude: [
      "test/catalog/books.query-plans.test.ts",
      "test/orders/checkout.query-plans.test.ts",
      "test/foundation/bench-mode.test.ts",
      "test/cart/cart.reads.test.ts",
      "test/console/pages.reads.test.ts",
      "test/catalog/read-replicas.happy.test.ts",
      "test/catalog/read-replicas.error.test.ts",
    ],
    globalSetup: ["./test/support/planetscale-setup.ts"],
    setupFiles: ["./test/support/fresh-mysql.ts"],
    fileParallelism: false,
  },
});
