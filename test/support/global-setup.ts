import { randomUUID } from "node:crypto";
import type { TestProject } from "vitest/node";
import { startPushService } from "./push-service";
import { startRecorder } from "./recorder";
import { startRedisServer } from "./redis-server";
import { startUpstashProxy } from "./upstash-proxy";

declare module "vitest" {
  export interface ProvidedContext {
    recorderUrl: string;
    pushServiceUrl: string;
    /** Empty when redis-server is not installed: the Upstash adapter tests skip. */
    upstashUrl: string;
    upstashToken: string;
  }
}

/** Runs in Node before the workerd pool starts: outside-service stand-ins the Worker can reach over HTTP. */
export default async function setup(project: TestProject) {
  const recorder = await startRecorder();
  project.provide("recorderUrl", recorder.url);
  const pushService = await startPushService();
  project.provide("pushServiceUrl", pushService.url);

  const redis = await startRedisServer();
  const upstash = redis ? await startUpstashProxy(redis.url, randomUUID()) : undefined;
  if (!upstash) console.warn("redis-server is not installed: skipping the Upstash adapter tests");
  project.provide("upstashUrl", upstash?.url ?? "");
  project.provide("upstashToken", upstash?.token ?? "");

  return async () => {
    await upstash?.close();
    await redis?.stop();
    await new Promise<void>((resolve) => recorder.server.close(() => resolve()));
    await new Promise<void>((resolve) => pushService.server.close(() => resolve()));
  };
}
