import { randomUUID } from "node:crypto";
import type { TestProject } from "vitest/node";
import { startMariaDbServer } from "./mariadb-server";
import { applyMySqlMigrations, seedStatements } from "./mysql-migrations";
import { startPlanetScaleProxy } from "./planetscale-proxy";

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

/** `npm run test:planetscale`: a private MariaDB, the PlanetScale API in front of it, and the MySQL migrations. */
/** Short, so a test can watch an abandoned transaction end; the app's transactions never sit idle. */
const IDLE_TRANSACTION_MS = 2_000;

export default async function setup(project: TestProject) {
  const mariadb = await startMariaDbServer();
  const proxy = await startPlanetScaleProxy({
    socketPath: mariadb.socketPath,
    database: mariadb.database,
    username: "bazaar-test",
    password: randomUUID(),
    transactionTimeoutMs: IDLE_TRANSACTION_MS,
  });
  await applyMySqlMigrations(proxy);
  project.provide("planetscaleHost", proxy.host);
  project.provide("planetscaleUsername", proxy.username);
  project.provide("planetscalePassword", proxy.password);
  project.provide("planetscaleIdleTransactionMs", IDLE_TRANSACTION_MS);
  project.provide("mysqlSeeds", seedStatements());
  return async () => {
    await proxy.close();
    await mariadb.stop();
  };
}
