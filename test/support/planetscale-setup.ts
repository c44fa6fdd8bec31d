import type { TestProject } from "vitest/node";
import { startLocalPlanetScale } from "./local-planetscale";
import { seedStatements } from "./mysql-migrations";

declare module "vitest" {
  export interface ProvidedContext {
    planetscaleHost: string;
    planetscaleUsername: string;
    planetscalePassword: string;
    /** How long the proxy lets a transaction sit idle before rolling it back. */
    planetscaleIdleTransactionMs: number;
    /** What the migrations insert, re-run after each file's tables are emptied. */
    mysqlSeeds: string[];
  }
}

/** Short, so a test can watch an abandoned transaction end; the app's transactions never sit idle. */
const IDLE_TRANSACTION_MS = 2_000;

/** `npm run test:planetscale`: a private MariaDB, the PlanetScale API in front of it, and the MySQL migrations. */
export default async function setup(project: TestProject) {
  const { proxy, stop } = await startLocalPlanetScale({
    username: "bazaar-test",
    transactionTimeoutMs: IDLE_TRANSACTION_MS,
  });
  project.provide("planetscaleHost", proxy.host);
  project.provide("planetscaleUsername", proxy.username);
  project.provide("planetscalePassword", proxy.password);
  project.provide("planetscaleIdleTransactionMs", IDLE_TRANSACTION_MS);
  project.provide("mysqlSeeds", seedStatements());
  return stop;
}
