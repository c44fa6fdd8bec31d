/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import { boundaryViolations, type Files, moduleCycles } from "../support/boundaries";

/** The sources, read when the test is built: a new file is checked the moment it exists. */
const sources = import.meta.glob(
  ["../../workers/**/*.{ts,tsx}", "../../queues/**/*.ts", "../../durable-objects/**/*.ts", "!**/*.generated.ts"],
  { query: "?raw", import: "default", eager: true },
) as Record<string, string>;

const files: Files = Object.fromEntries(
  Object.entries(sources).map(([path, source]) => [path.replace(/^(\.\.\/)+/, ""), source]),
);

describe("module boundaries", () => {
  it("reads every module's sources", () => {
    expect(Object.keys(files)).toContain("workers/orders/index.ts");
    expect(Object.keys(files).length).toBeGreaterThan(150);
  });

  it("imports another module only through its index.ts, and only its own SQLite schema file", () => {
    expect(boundaryViolations(files)).toEqual([]);
  });

  it("has no cycles between modules", () => {
    expect(moduleCycles(files)).toEqual([]);
  });

  it("catches a deep import, a schema barrel, another module's schema, the MySQL DDL and a cycle", () => {
    const sample: Files = {
      "workers/cart/service.ts": `import { cartListings } from "../catalog/for-cart";\nimport { orders } from "../../schema";`,
      "workers/catalog/index.ts": `export { cartListings } from "./for-cart";\nimport { carts } from "../cart";`,
      "workers/catalog/books.ts": `import type { OrderRow } from "../../schema/orders";\nimport { money } from "../lib/money";`,
      "workers/catalog/store.ts": `import { listings } from "../../schema/mysql/catalog";`,
      "workers/platform/planetscale.ts": `import * as ddl from "../../schema/mysql/platform";`,
    };
    expect(boundaryViolations(sample).map((violation) => violation.imports)).toEqual([
      "../catalog/for-cart",
      "../../schema",
      "../../schema/orders",
      "../../schema/mysql/catalog",
      "../../schema/mysql/platform",
    ]);
    expect(moduleCycles({ ...sample, "workers/cart/index.ts": `export * from "../catalog";` })).toEqual([
      ["cart", "catalog", "cart"],
    ]);
  });
});
