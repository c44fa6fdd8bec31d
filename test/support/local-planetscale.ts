import { randomUUID } from "node:crypto";
import { type MariaDbOptions, type MariaDbServer, startMariaDbServer } from "./mariadb-server.ts";
import { applyMySqlMigrations } from "./mysql-migrations.ts";
import { type PlanetScaleProxy, startPlanetScaleProxy } from "./planetscale-proxy.ts";

export interface LocalPlanetScale {
  mariadb: MariaDbServer;
  proxy: PlanetScaleProxy;
  /** What a Worker (or the read server) is configured with to use this database: DATABASE and PLANETSCALE_*. */
  vars: Record<string, string>;
  stop(): Promise<void>;
}

export interface LocalPlanetScaleOptions {
  /** Who the proxy lets in (with a throwaway password): names the caller in the proxy's logs. */
  username: string;
  mariadb?: MariaDbOptions;
  /** Apply the MySQL migrations (default); a database copy applies its own. */
  migrate?: boolean;
  transactionTimeoutMs?: number;
}

/** A MariaDB of our own behind the PlanetScale HTTP API: what the PlanetScale store talks to on this machine. */
export async function startLocalPlanetScale(options: LocalPlanetScaleOptions): Promise<LocalPlanetScale> {
  const mariadb = await startMariaDbServer(options.mariadb);
  const proxy = await startPlanetScaleProxy({
    socketPath: mariadb.socketPath,
    database: mariadb.database,
    username: options.username,
    password: randomUUID(),
    transactionTimeoutMs: options.transactionTimeoutMs,
  });
  if (options.migrate !== false) await applyMySqlMigrations(proxy);
  return {
    mariadb,
    proxy,
    vars: {
      DATABASE: "planetscale",
      PLANETSCALE_HOST: proxy.host,
      PLANETSCALE_USERNAME: proxy.username,
      PLANETSCALE_PASSWORD: proxy.password,
    },
    stop: async () => {
      await proxy.close();
      await mariadb.stop();
    },
  };
}
