import { randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  createPool,
  type FieldPacket,
  type PoolConnection,
  type QueryError,
  type ResultSetHeader,
} from "mysql2/promise";

/**
 * A local stand-in for PlanetScale's HTTP API in front of MariaDB, speaking what @planetscale/database sends:
 * `POST /psdb.v1alpha1.Database/Execute` with `{query, session}` (arguments already formatted into the SQL) and
 * `/CreateSession`, Basic auth (401 when wrong), a `session` on every answer, Vitess field types, rows as
 * lengths plus base64 bytes, and SQL errors as `{error: {code, message}}` with MySQL's errno in the message.
 * `BEGIN` pins one MariaDB connection to the session until COMMIT or ROLLBACK, as Vitess does.
 */
export interface PlanetScaleProxy {
  /** `127.0.0.1:<port>`: what PLANETSCALE_HOST names. */
  host: string;
  username: string;
  password: string;
  close(): Promise<void>;
}

export interface PlanetScaleProxyOptions {
  socketPath: string;
  database: string;
  username: string;
  password: string;
  port?: number;
  /** A transaction left idle this long (its client gone mid-way) is rolled back; PlanetScale allows 20 seconds. */
  transactionTimeoutMs?: number;
}

/** What the client echoes back on its next request; the proxy keeps each session's transaction by its signature. */
interface Session {
  signature: string;
  vitessSession?: { inTransaction?: boolean };
}

const BEGIN = /^\s*(begin|start\s+transaction)\b/i;
const END = /^\s*(commit|rollback)\s*;?\s*$/i;
const ROLLBACK = /^\s*rollback\s*;?\s*$/i;

interface OpenTransaction {
  connection: PoolConnection;
  timer: NodeJS.Timeout;
}

export async function startPlanetScaleProxy(options: PlanetScaleProxyOptions): Promise<PlanetScaleProxy> {
  // No FOUND_ROWS flag: rowsAffected counts the rows an UPDATE changed, as MySQL and PlanetScale report it.
  const pool = createPool({
    socketPath: options.socketPath,
    user: "root",
    database: options.database,
    charset: "UTF8MB4_BIN",
    flags: ["-FOUND_ROWS"],
    typeCast: false,
    rowsAsArray: true,
    connectionLimit: 20,
  });
  const transactions = new Map<string, OpenTransaction>();
  const timeoutMs = options.transactionTimeoutMs ?? 20_000;
  const expected = Buffer.from(`Basic ${btoa(`${options.username}:${options.password}`)}`);

  const release = async (signature: string, statement?: "ROLLBACK") => {
    const open = transactions.get(signature);
    if (!open) return;
    transactions.delete(signature);
    clearTimeout(open.timer);
    if (statement) await open.connection.query(statement).catch(() => undefined);
    open.connection.release();
  };

  /** The connection this statement runs on: the session's transaction, a new one for BEGIN, or the pool. */
  const connectionFor = async (query: string, signature: string) => {
    const open = transactions.get(signature);
    open?.timer.refresh();
    if (open || !BEGIN.test(query)) return open?.connection ?? pool;
    const connection = await pool.getConnection();
    const timer = setTimeout(() => void release(signature, "ROLLBACK"), timeoutMs);
    transactions.set(signature, { connection, timer });
    return connection;
  };

  const execute = async (query: string, incoming: Session | undefined): Promise<object> => {
    const { signature } = incoming?.signature ? incoming : { signature: randomUUID() };
    const answer = (fields: { result?: object; error?: object; timing?: number }) => ({
      session: { signature, vitessSession: { inTransaction: transactions.has(signature) } },
      ...fields,
    });
    if (incoming?.vitessSession?.inTransaction && !transactions.has(signature) && !ROLLBACK.test(query)) {
      // Its statements are gone: a COMMIT must not pretend otherwise.
      return answer({
        error: { code: "ABORTED", message: `transaction ${signature} ended: rolled back after a timeout` },
      });
    }
    const started = performance.now();
    try {
      const [rows, fields] = await (await connectionFor(query, signature)).query({ sql: query });
      if (END.test(query)) await release(signature);
      return answer({ result: vitessResult(rows, fields), timing: (performance.now() - started) / 1000 });
    } catch (error) {
      if (!isQueryError(error)) throw error;
      // A failed statement leaves its transaction open (the client rolls back); a failed BEGIN holds nothing.
      if (BEGIN.test(query)) await release(signature);
      return answer({ error: vitessError(error) });
    }
  };

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== "POST") return reply(res, 405, { code: "unimplemented", message: "POST only" });
      if (!sameSecret(req.headers.authorization, expected)) {
        return reply(res, 401, { code: "unauthenticated", message: "invalid username or password" });
      }
      const body = (await readJson(req)) as { query?: unknown; session?: Session | null } | undefined;
      const path = new URL(req.url ?? "/", "http://proxy").pathname;
      if (path === "/psdb.v1alpha1.Database/CreateSession") {
        return reply(res, 200, { session: { signature: randomUUID(), vitessSession: { inTransaction: false } } });
      }
      if (path === "/psdb.v1alpha1.Database/Execute" && typeof body?.query === "string") {
        return reply(res, 200, await execute(body.query, body.session ?? undefined));
      }
      return reply(res, 404, { code: "not_found", message: `no such method: ${path}` });
    } catch (error) {
      console.error("planetscale proxy: unexpected failure", error);
      return reply(res, 500, { code: "internal", message: "internal error in the PlanetScale stand-in" });
    }
  });
  // PlanetScale's edge keeps an idle connection open far longer than Node's 5-second default. Closing it sooner
  // races the Worker's pooled connections: a query sent as the server hangs up is lost ("Network connection lost"),
  // which a CPU-bound isolate (fifty password checks at once) provokes.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    username: options.username,
    password: options.password,
    close: async () => {
      await new Promise<void>((resolve) => closeServer(server, resolve));
      await Promise.all([...transactions.keys()].map((signature) => release(signature, "ROLLBACK")));
      await pool.end();
    },
  };
}

/** Vitess's QueryResult in protobuf JSON: 64-bit counts as strings, each row as byte lengths and base64 bytes. */
function vitessResult(rows: unknown, fields: FieldPacket[] | undefined): object {
  if (!Array.isArray(rows)) {
    const header = rows as ResultSetHeader;
    return { rowsAffected: String(header.affectedRows), insertId: String(header.insertId) };
  }
  return {
    fields: (fields ?? []).map(vitessField),
    rows: (rows as (Buffer | null)[][]).map((values) => ({
      lengths: values.map((value) => (value === null ? "-1" : String(value.length))),
      values: Buffer.concat(values.filter((value): value is Buffer => value !== null)).toString("base64"),
    })),
    rowsAffected: "0",
    insertId: "0",
  };
}

const UNSIGNED = 32;
const ENUM = 256;
const SET = 2048;
const BINARY_CHARSET = 63;

function vitessField(field: FieldPacket) {
  return {
    name: field.name,
    type: vitessType(field),
    table: field.table,
    orgTable: field.orgTable,
    database: field.db,
    orgName: field.orgName,
    columnLength: field.columnLength,
    charset: field.characterSet,
    decimals: field.decimals,
    flags: field.flags,
  };
}

/** The Vitess type name for a MySQL column type code (https://dev.mysql.com/doc/dev/mysql-server/latest/field__types_8h.html). */
function vitessType(field: FieldPacket): string {
  const flags = Number(field.flags ?? 0);
  const unsigned = (flags & UNSIGNED) !== 0;
  const binary = field.characterSet === BINARY_CHARSET;
  const int = (bits: number) => `${unsigned ? "UINT" : "INT"}${bits}`;
  if ((field as { extendedFormat?: string }).extendedFormat === "json") return "JSON";
  switch (field.columnType) {
    case 1:
      return int(8);
    case 2:
      return int(16);
    case 9:
      return int(24);
    case 3:
      return int(32);
    case 8:
      return int(64);
    case 4:
      return "FLOAT32";
    case 5:
      return "FLOAT64";
    case 0:
    case 246:
      return "DECIMAL";
    case 6:
      return "NULL_TYPE";
    case 7:
      return "TIMESTAMP";
    case 10:
    case 14:
      return "DATE";
    case 11:
      return "TIME";
    case 12:
      return "DATETIME";
    case 13:
      return "YEAR";
    case 16:
      return "BIT";
    case 245:
      return "JSON";
    case 247:
      return "ENUM";
    case 248:
      return "SET";
    case 249:
    case 250:
    case 251:
    case 252:
      return binary ? "BLOB" : "TEXT";
    case 15:
    case 253:
      return binary ? "VARBINARY" : "VARCHAR";
    case 254:
      if (flags & ENUM) return "ENUM";
      if (flags & SET) return "SET";
      return binary ? "BINARY" : "CHAR";
    case 255:
      return "GEOMETRY";
    default:
      return "NULL_TYPE";
  }
}

/** gRPC code names Vitess answers for the common MySQL errors; anything else is INVALID_ARGUMENT. */
const ERROR_CODES: Record<number, string> = {
  1062: "ALREADY_EXISTS",
  1146: "NOT_FOUND",
  1205: "DEADLINE_EXCEEDED",
  1213: "ABORTED",
};

/** MySQL's message with Vitess's `(errno N) (sqlstate S)` suffix, which is what callers can match on. */
function vitessError(error: QueryError & { errno: number; sqlMessage?: string }) {
  return {
    code: ERROR_CODES[error.errno] ?? "INVALID_ARGUMENT",
    message: `${error.sqlMessage ?? error.message} (errno ${error.errno}) (sqlstate ${error.sqlState})`,
  };
}

function isQueryError(error: unknown): error is QueryError & { errno: number } {
  return error instanceof Error && typeof (error as QueryError).errno === "number";
}

function sameSecret(header: string | undefined, expected: Buffer): boolean {
  const given = Buffer.from(header ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
  } catch {
    return undefined;
  }
}

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function closeServer(server: Server, done: () => void) {
  server.close(() => done());
  server.closeAllConnections();
}
