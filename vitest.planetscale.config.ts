import { defineConfig } from "vitest/config";
import { workersTests } from "./vitest.config";

/**
 * `npm run test:planetscale`: the suites again with DATABASE=planetscale, the Worker talking to a MariaDB through
 * the real @planetscale/database driver and a local stand-in of PlanetScale's HTTP API. The files are split
 * between two projects, each with its own MariaDB and stand-in (its global setup starts them), so the two halves
 * run side by side; within a project files share that database, so they run one at a time and each starts on
 * emptied tables (D1 gives each file fresh storage).
 */

/** About D1 itself, not the store: SQLite's query plans, D1's own row meter, the Sessions API's bookmarks. */
const D1_ONLY = [
  "test/catalog/books.query-plans.test.ts",
  "test/foundation/bench-mode.test.ts",
  "test/cart/cart.reads.test.ts",
  "test/console/pages.reads.test.ts",
  "test/catalog/read-replicas.happy.test.ts",
  "test/catalog/read-replicas.error.test.ts",
];

/** The folders of the first half (about half of the run's time); the second project takes every other file. */
const FIRST_HALF = ["test/orders", "test/catalog", "test/console", "test/cart", "test/inventory"];

const half = (name: string, files: { include?: string[]; exclude?: string[] }) =>
  workersTests({
    bindings: (inject) => ({
      DATABASE: "planetscale",
      PLANETSCALE_HOST: inject<string>("planetscaleHost"),
      PLANETSCALE_USERNAME: inject<string>("planetscaleUsername"),
      PLANETSCALE_PASSWORD: inject<string>("planetscalePassword"),
    }),
    test: {
      name,
      ...(files.include ? { include: files.include } : {}),
      exclude: [...D1_ONLY, ...(files.exclude ?? [])],
      globalSetup: ["./test/support/planetscale-setup.ts"],
      setupFiles: ["./test/support/fresh-mysql.ts"],
      fileParallelism: false,
    },
  });

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      half("mysql-1", { include: FIRST_HALF.map((folder) => `${folder}/**/*.test.ts`) }),
      half("mysql-2", { exclude: FIRST_HALF.map((folder) => `${folder}/**`) }),
    ],
  },
});
