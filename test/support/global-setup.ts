import { randomUUID } from "node:crypto";
import type { TestProject } from "vitest/node";
import { startOidcProvider } from "../../scripts/oidc-provider.mjs";
import { startGitHubStandIn } from "./github-stand-in";
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
    /** The local OpenID Connect provider the social sign-in tests sign in through (test/support/oidc.ts). */
    oidcIssuer: string;
    /** GitHub's OAuth web flow and REST API, for the `github` sign-in preset. */
    githubUrl: string;
  }
}

/** The Worker's client at the local provider (see OIDC_PROVIDERS in vitest.config.ts). */
export const OIDC_TEST_CLIENTS = [
  {
    client_id: "book-bazaar-test",
    client_secret: "test-oidc-client-secret",
    redirect_uris: ["local", "stale-secret"].map((id) => `http://127.0.0.1:8787/v1/auth/oidc/${id}/callback`),
  },
];

/** The Worker's OAuth app at the GitHub stand-in (the `github` provider in vitest.config.ts). */
export const GITHUB_TEST_CLIENT = { id: "book-bazaar-github-test", secret: "test-github-client-secret" };

/** Runs in Node before the workerd pool starts: outside-service stand-ins the Worker can reach over HTTP. */
export default async function setup(project: TestProject) {
  const recorder = await startRecorder();
  project.provide("recorderUrl", recorder.url);
  const pushService = await startPushService();
  project.provide("pushServiceUrl", pushService.url);

  const oidc = await startOidcProvider({ clients: OIDC_TEST_CLIENTS });
  project.provide("oidcIssuer", oidc.issuer);
  const github = await startGitHubStandIn(GITHUB_TEST_CLIENT);
  project.provide("githubUrl", github.url);

  const redis = await startRedisServer();
  const upstash = redis ? await startUpstashProxy(redis.url, randomUUID()) : undefined;
  if (!upstash) console.warn("redis-server is not installed: skipping the Upstash adapter tests");
  project.provide("upstashUrl", upstash?.url ?? "");
  project.provide("upstashToken", upstash?.token ?? "");

  return async () => {
    await oidc.close();
    await new Promise<void>((resolve) => github.server.close(() => resolve()));
    await upstash?.close();
    await redis?.stop();
    await new Promise<void>((resolve) => recorder.server.close(() => resolve()));
    await new Promise<void>((resolve) => pushService.server.close(() => resolve()));
  };
}
