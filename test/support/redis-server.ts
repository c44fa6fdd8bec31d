import { spawn } from "node:child_process";
import { freePort, stopChild } from "./local-process";

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a private, memory-only redis-server on a free loopback port.
 * Resolves to undefined when redis-server is not installed, so callers can skip instead of failing.
 */
export async function startRedisServer(): Promise<RedisServer | undefined> {
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const started = await new Promise<boolean>((resolve, reject) => {
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("Ready to accept connections")) resolve(true);
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    child.once("error", (error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? resolve(false) : reject(error)));
    child.once("exit", (code) => reject(new Error(`redis-server exited with ${code} before it was ready:\n${output}`)));
  });
  if (!started) return undefined;
  // A crashed test run must not leave a redis-server behind.
  const killOnExit = () => child.kill();
  process.once("exit", killOnExit);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      process.off("exit", killOnExit);
      await stopChild(child);
    },
  };
}
