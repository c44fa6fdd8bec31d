import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createConnection } from "mysql2/promise";
// With its extension, so `npm run start:planetscale` can load this file in Node as well as in vitest.
import { freePort, stopChild } from "./local-process.ts";

export interface MariaDbServer {
  /** The Unix socket root connects through (no password). */
  socketPath: string;
  /** The loopback TCP port, for a person with a `mariadb` client. */
  port: number;
  database: string;
  stop(): Promise<void>;
}

export interface MariaDbOptions {
  /** Kept between runs when given (`npm run start:planetscale`); a temporary directory, removed on stop, otherwise. */
  dataDir?: string;
  database?: string;
}

/**
 * What PlanetScale's MySQL 8 runs with by default, less ONLY_FULL_GROUP_BY: MariaDB applies it without MySQL 8's
 * functional-dependency rule, so it would refuse queries PlanetScale accepts.
 */
const SQL_MODE = "STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";

/** Small buffers and relaxed flushing: a test server starts in a fraction of a second and holds little data. */
const SMALL_AND_FAST = [
  "--innodb-buffer-pool-size=32M",
  "--innodb-log-file-size=16M",
  "--innodb-flush-log-at-trx-commit=2",
  "--skip-innodb-doublewrite",
  "--performance-schema=OFF",
  "--skip-log-bin",
  "--skip-name-resolve",
  "--max-connections=100",
];

/**
 * Starts a private MariaDB on a free loopback port and a socket in its data directory, with utf8mb4_bin text
 * (case-sensitive, like SQLite) and strict SQL, and creates `database`. Throws when mariadbd is not installed:
 * a PlanetScale run cannot skip its database.
 */
export async function startMariaDbServer(options: MariaDbOptions = {}): Promise<MariaDbServer> {
  const temporary = options.dataDir === undefined;
  const dataDir = resolve(options.dataDir ?? mkdtempSync(join(tmpdir(), "bazaar-mariadb-")));
  const database = options.database ?? "bookbazaar";
  if (!existsSync(join(dataDir, "mysql"))) initialise(dataDir);
  const socketPath = join(dataDir, "mariadb.sock");
  const port = await freePort();
  const child = spawn(
    "mariadbd",
    [
      "--no-defaults",
      `--datadir=${dataDir}`,
      `--socket=${socketPath}`,
      `--pid-file=${join(dataDir, "mariadb.pid")}`,
      `--port=${port}`,
      "--bind-address=127.0.0.1",
      "--character-set-server=utf8mb4",
      "--collation-server=utf8mb4_bin",
      `--sql-mode=${SQL_MODE}`,
      "--default-time-zone=+00:00",
      ...SMALL_AND_FAST,
      ...asRoot(),
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  await new Promise<void>((ready, reject) => {
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("ready for connections")) ready();
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    child.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "ENOENT" ? new Error("mariadbd is not installed (apt-get install mariadb-server)") : error),
    );
    child.once("exit", (code) => reject(new Error(`mariadbd exited with ${code} before it was ready:\n${output}`)));
  });
  // A crashed run must not leave a server behind, nor a temporary data directory.
  const killOnExit = () => {
    child.kill(temporary ? "SIGKILL" : "SIGTERM");
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
  };
  process.once("exit", killOnExit);

  const root = await createConnection({ socketPath, user: "root" });
  await root.query(`CREATE DATABASE IF NOT EXISTS \`${database}\``);
  await root.end();
  return {
    socketPath,
    port,
    database,
    stop: async () => {
      process.off("exit", killOnExit);
      await stopChild(child);
      if (temporary) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh data directory whose root logs in without a password, over the socket only this user can reach. */
function initialise(dataDir: string) {
  mkdirSync(dataDir, { recursive: true });
  const result = spawnSync(
    "mariadb-install-db",
    [
      "--no-defaults",
      `--datadir=${dataDir}`,
      "--auth-root-authentication-method=normal",
      "--skip-test-db",
      ...SMALL_AND_FAST,
      ...asRoot(),
    ],
    { encoding: "utf8" },
  );
  if (result.error || result.status !== 0) {
    throw new Error(`mariadb-install-db failed: ${result.error?.message ?? ""}\n${result.stdout}${result.stderr}`);
  }
}

/** mariadbd refuses to run as the system's root unless told to, and CI runs as root. */
function asRoot(): string[] {
  return process.getuid?.() === 0 ? ["--user=root"] : [];
}
