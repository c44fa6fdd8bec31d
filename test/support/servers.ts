import { spawn } from "node:child_process";
import { freePort } from "./local-process";

export interface RunningServer {
  name: string;
  url: string;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
}

export interface ServerCommand {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string | undefined>;
  port: number;
}

const READY_TIMEOUT_MS = 120_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a server in its own process group, so that stopping it also stops what it started (wrangler's
 * workerd), and waits until its health check answers 200 (the database behind it answers too).
 */
export async function startServer({ name, command, args, env, port }: ServerCommand): Promise<RunningServer> {
  // `wrangler types` narrows ProcessEnv to wrangler.toml's values (DATABASE: "d1"); these servers get others.
  const child = spawn(command, args, {
    env: env as NodeJS.ProcessEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, name);
    } catch {
      // Already gone.
    }
  };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    signal("SIGTERM");
    await Promise.race([exited, sleep(5_000).then(() => signal("SIGKILL"))]);
  };
  process.once("exit", () => signal("SIGKILL"));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with ${child.exitCode} before it was ready:\n${output}`);
    const status = await fetch(`${url}/v1/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${name} was not healthy after ${READY_TIMEOUT_MS / 1000}s (last status ${status}):\n${output}`);
    }
    await sleep(250);
  }
  return { name, url, output: () => output, stop };
}

export interface WorkerOptions {
  /** Where wrangler keeps D1, Durable Objects, queues and R2: a temporary directory, never the repo's .wrangler. */
  persistTo: string;
  /** Passed as `--var KEY:VALUE`, over wrangler.toml and .dev.vars.example. */
  vars: Record<string, string>;
  name?: string;
  /** A port chosen beforehand (when a var must name the Worker's own URL); a free one otherwise. */
  port?: number;
}

/** The Worker as `npm start` serves it (`wrangler dev`, the development secrets), on free ports. */
export async function startWorker({
  persistTo,
  vars,
  name = "worker",
  ...opts
}: WorkerOptions): Promise<RunningServer> {
  const [port, inspectorPort] = [opts.port ?? (await freePort()), await freePort()];
  const args = ["dev", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspectorPort)];
  args.push("--persist-to", persistTo, "--env-file", ".dev.vars.example", "--show-interactive-dev-session=false");
  args.push(...Object.entries(vars).flatMap(([key, value]) => ["--var", `${key}:${value}`]));
  return startServer({ name, command: "wrangler", args, port, env: process.env });
}
