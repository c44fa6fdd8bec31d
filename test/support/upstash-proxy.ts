import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createClient, ErrorReply, MultiErrorReply, RESP_TYPES } from "redis";

/**
 * A local stand-in for the Upstash Redis REST API, forwarding every command to a real redis-server.
 * It speaks what @upstash/redis sends: `POST /` with one command as a JSON array, `POST /pipeline` and
 * `POST /multi-exec` with an array of commands, a bearer token (401 when wrong), `Upstash-Encoding: base64`
 * replies, and `{error}` bodies with Upstash's statuses (https://upstash.com/docs/redis/features/restapi).
 * It sends no read-your-writes sync token: with a single redis-server every read already sees every write.
 */
export interface UpstashProxy {
  url: string;
  token: string;
  close(): Promise<void>;
}

type Outcome = { result: unknown } | { error: string };

class BadRequest extends Error {}

export async function startUpstashProxy(redisUrl: string, token: string): Promise<UpstashProxy> {
  // RESP2 is what Upstash's JSON mirrors (HGETALL is a flat list); bulk strings as Buffers keep the exact bytes.
  const redis = createClient({
    url: redisUrl,
    RESP: 2,
    commandOptions: { typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer } },
  });
  redis.on("error", (error: unknown) => console.error("upstash proxy: redis connection error", error));
  await redis.connect();
  const scripts = new ScriptFlags();

  const run = async (command: string[]): Promise<Outcome> => {
    try {
      return { result: await redis.sendCommand(scripts.adapt(command)) };
    } catch (error) {
      if (error instanceof ErrorReply) return { error: error.message };
      throw error;
    }
  };

  const transaction = async (commands: string[][]): Promise<Outcome[]> => {
    // node-redis reads EXEC's replies as text, so only UTF-8 values come back byte-exact from a transaction.
    const multi = redis.multi();
    for (const command of commands) multi.addCommand(scripts.adapt(command));
    try {
      return ((await multi.exec()) as unknown[]).map((result) => ({ result }));
    } catch (error) {
      // Errors while running keep the other results, as in Redis; an error while queueing discards it all.
      if (error instanceof MultiErrorReply) return error.replies.map(outcome);
      throw error;
    }
  };

  const server = createServer(async (req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    try {
      if (req.method !== "POST") return reply(405, { error: "Method Not Allowed" });
      if (bearer(req) !== token) return reply(401, { error: "Unauthorized" });
      const base64 = req.headers["upstash-encoding"]?.toString().toLowerCase() === "base64";
      const body = await readJson(req);
      const path = new URL(req.url ?? "/", "http://proxy").pathname;
      if (path === "/") {
        const result = await run(command(body));
        return "error" in result ? reply(400, result) : reply(200, encode(result, base64));
      }
      if (path === "/pipeline" || path === "/multi-exec") {
        const commands = commandList(body);
        const results = path === "/pipeline" ? await Promise.all(commands.map(run)) : await transaction(commands);
        return reply(
          200,
          results.map((result) => encode(result, base64)),
        );
      }
      return reply(400, { error: `ERR path-style commands are not supported by this stand-in: ${path}` });
    } catch (error) {
      if (error instanceof BadRequest || error instanceof ErrorReply) return reply(400, { error: error.message });
      console.error("upstash proxy: unexpected failure", error);
      return reply(500, { error: "internal error in the Upstash stand-in" });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    close: async () => {
      await new Promise<void>((resolve) => closeServer(server, resolve));
      await redis.close();
    },
  };
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith("Bearer ")) return header.slice("Bearer ".length);
  return new URL(req.url ?? "/", "http://proxy").searchParams.get("_token") ?? undefined;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new BadRequest("ERR failed to parse command");
  }
}

function command(body: unknown): string[] {
  if (!Array.isArray(body) || body.length === 0) throw new BadRequest("ERR failed to parse command");
  return body.map((arg: unknown) => {
    if (typeof arg === "string") return arg;
    if (typeof arg === "number" || typeof arg === "boolean") return String(arg);
    throw new BadRequest(`ERR unsupported argument: ${JSON.stringify(arg)}`);
  });
}

function commandList(body: unknown): string[][] {
  if (!Array.isArray(body) || body.length === 0) throw new BadRequest("ERR failed to parse command list");
  return body.map(command);
}

function outcome(reply: unknown): Outcome {
  return reply instanceof ErrorReply ? { error: reply.message } : { result: reply };
}

/** Upstash JSON: integers as numbers, nil as null, strings as UTF-8 or, when asked, base64 (all but "OK"). */
function encode(result: Outcome, base64: boolean): Outcome {
  return "error" in result ? result : { result: toJson(result.result, base64) };
}

function toJson(reply: unknown, base64: boolean): unknown {
  if (reply === null || reply === undefined) return null;
  if (typeof reply === "number") return reply;
  if (reply instanceof Uint8Array) {
    const bytes = Buffer.from(reply.buffer, reply.byteOffset, reply.byteLength);
    return bytes.toString(base64 ? "base64" : "utf8");
  }
  if (typeof reply === "string") return base64 && reply !== "OK" ? Buffer.from(reply).toString("base64") : reply;
  if (Array.isArray(reply)) return reply.map((item) => toJson(item, base64));
  if (reply instanceof ErrorReply) return toJson(reply.message, base64);
  return toJson(String(reply), base64);
}

/**
 * Upstash accepts its own `allow-key-locking` script flag (used by @upstash/ratelimit); redis-server rejects
 * unknown flags, so the flag is dropped and the client's SHA-1 is mapped to the one redis-server knows.
 */
class ScriptFlags {
  private readonly shas = new Map<string, string>();

  adapt(command: string[]): string[] {
    const [name = "", target = "", ...rest] = command;
    const lower = name.toLowerCase();
    if ((lower === "eval" || lower === "eval_ro") && command.length > 1) {
      const script = target.replace(/^#!lua flags=([^\n]*)/, (_, flags: string) => {
        const kept = flags.split(",").filter((flag) => flag.trim() !== "allow-key-locking");
        return kept.length > 0 ? `#!lua flags=${kept.join(",")}` : "#!lua";
      });
      if (script !== target) this.shas.set(sha1(target), sha1(script));
      return [name, script, ...rest];
    }
    if ((lower === "evalsha" || lower === "evalsha_ro") && command.length > 1) {
      return [name, this.shas.get(target.toLowerCase()) ?? target, ...rest];
    }
    return command;
  }
}

function sha1(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

function closeServer(server: Server, done: () => void) {
  server.close(() => done());
  server.closeAllConnections();
}
