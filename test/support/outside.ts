import { env } from "cloudflare:workers";
import type { RecordedRequest } from "./recorder";

/** The recording stand-in for outside HTTP services, seen from inside the Worker runtime. */
export const recorderUrl = (env as unknown as { RECORDER_URL: string }).RECORDER_URL;

export async function scriptReply(reply: {
  scope?: string;
  method: string;
  path: string;
  status: number;
  body: unknown;
  times?: number;
}) {
  await fetch(`${recorderUrl}/__recorder/replies`, { method: "POST", body: JSON.stringify(reply) });
}

export async function recordedRequests(scope: string): Promise<RecordedRequest[]> {
  const response = await fetch(`${recorderUrl}/__recorder/requests?scope=${encodeURIComponent(scope)}`);
  return (await response.json()) as RecordedRequest[];
}

/** The Upstash REST stand-in (a proxy to a private redis-server); the url is empty when redis-server is missing. */
const upstashBindings = env as unknown as { UPSTASH_TEST_URL: string; UPSTASH_TEST_TOKEN: string };
export const upstash = { url: upstashBindings.UPSTASH_TEST_URL, token: upstashBindings.UPSTASH_TEST_TOKEN };
