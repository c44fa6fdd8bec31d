import { AsyncLocalStorage } from "node:async_hooks";
import { Client, type Config, cast, type Transaction } from "@planetscale/database";
import { drizzle } from "drizzle-orm/planetscale-serverless";
import { type Db, mysqlDb } from "./db";

export interface PlanetScaleCredentials {
  /** `aws.connect.psdb.cloud`, or `127.0.0.1:3900` for the local proxy in front of MariaDB (plain HTTP). */
  host: string;
  username: string;
  password: string;
}

/** Loopback hosts are the local proxy (`test/support/planetscale-proxy.ts`), spoken to over plain HTTP. */
export function isLocalDatabaseHost(host: string): boolean {
  const name = host.replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
  return name === "localhost" || name === "::1" || /^127\./.test(name);
}

/**
 * Values as D1 hands them back, so the SQLite column mappers decode both alike: 64-bit integers and DECIMAL
 * (what MySQL's SUM answers) as numbers, JSON as its text.
 */
const castLikeD1: Config["cast"] = (field, value) => {
  if (value === null || value === undefined) return value;
  if (field.type === "INT64" || field.type === "UINT64" || field.type === "DECIMAL") return Number(value);
  if (field.type === "JSON") return cast({ ...field, type: "TEXT" }, value);
  return cast(field, value);
};

/** The open transaction of this async context: statements awaited inside `atomically` run through it. */
const openTransaction = new AsyncLocalStorage<Transaction>();

class TransactionAwareClient extends Client {
  constructor(config: Config) {
    super(config);
    const outside = this.execute.bind(this);
    // An own property, so the overloads of `Client.execute` stay as they are.
    this.execute = ((...args: Parameters<typeof outside>) => {
      const transaction = openTransaction.getStore();
      return transaction ? transaction.execute(...args) : outside(...args);
    }) as Client["execute"];
  }
}

/** The relational store on PlanetScale (or anything that speaks its HTTP API), behind the same `Db` as D1. */
export function createPlanetScaleDb(credentials: PlanetScaleCredentials, fetcher: typeof fetch = fetch): Db {
  const scheme = isLocalDatabaseHost(credentials.host) ? "http" : "https";
  const url = `${scheme}://${encodeURIComponent(credentials.username)}:${encodeURIComponent(credentials.password)}@${credentials.host}`;
  const client = new TransactionAwareClient({ url, cast: castLikeD1, fetch: fetcher });
  return mysqlDb(drizzle({ client }), (work) =>
    client.transaction((transaction) => openTransaction.run(transaction, work)),
  );
}
