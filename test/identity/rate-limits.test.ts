import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../workers/app";
import { envWith } from "../support/env";
import { api, json, signUp } from "../support/identity";

/**
 * Limits under test (vitest.config.ts): login per account 5/2s, password reset per account 3/2s,
 * registration, login and password reset per IP 50/60s. Production and development defaults live in
 * workers/config.ts.
 */
const from = (ip: string) => ({ headers: { "cf-connecting-ip": ip } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function expectRateLimited(response: Response): Promise<number> {
  expect(response.status).toBe(429);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(await response.json()).toMatchObject({ code: "rate_limited", status: 429, retryAfterSeconds: retryAfter });
  return retryAfter;
}

/**
 * Attempts are sent concurrently: their hits reach the limiter within milliseconds, so they fall in one
 * window and the count is exact (sequential attempts could straddle a window edge, where the sliding
 * window legitimately lets a few more through).
 */
async function statusesOf(requests: (() => Promise<Response>)[]): Promise<Response[]> {
  return Promise.all(requests.map((send) => send()));
}
const count = (responses: Response[], status: number) => responses.filter((r) => r.status === status).length;
const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i + 1));

/** The API with the per-account login limit at 5 per `windowSeconds`, for timing that must not depend on load. */
function apiWithLoginWindow(windowSeconds: number) {
  const env = envWith({ RATE_LIMIT_LOGIN_PER_ACCOUNT: `5/${windowSeconds}` });
  return async (path: string, init?: RequestInit) => {
    const ctx = createExecutionContext();
    const response = await createApp().fetch(new Request(`http://bazaar.test${path}`, init), env, ctx);
    await waitOnExecutionContext(ctx);
    return response;
  };
}

/**
 * The API with the per-account login limit at 5 per `windowSeconds`, whose limiter reads the time from `clock`
 * instead of the wall: every hit of a burst lands at the same instant and Retry-After passes when the test says,
 * so the outcome cannot depend on how slowly a loaded machine answers.
 */
function apiWithLimiterClock(windowSeconds: number, clock: { now: number }) {
  const limiters = (env as unknown as Env).RATE_LIMITER;
  const RATE_LIMITER = {
    getByName(key: string) {
      const limiter = limiters.getByName(key);
      return {
        hit: (limit: number, windowMs: number) => limiter.hit(limit, windowMs, clock.now),
        reset: () => limiter.reset(),
      };
    },
  };
  const testEnv = { ...envWith({ RATE_LIMIT_LOGIN_PER_ACCOUNT: `5/${windowSeconds}` }), RATE_LIMITER } as Env;
  return async (path: string, init?: RequestInit) => {
    const ctx = createExecutionContext();
    const response = await createApp().fetch(new Request(`http://bazaar.test${path}`, init), testEnv, ctx);
    await waitOnExecutionContext(ctx);
    return response;
  };
}

describe("login per account", () => {
  it("triggers after 5 attempts, then recovers once Retry-After has passed", async () => {
    const email = `throttled-${crypto.randomUUID().slice(0, 8)}@x.example`;
    const password = "the right password";
    expect((await api("/v1/auth/register", json({ email, password, name: "T" }))).status).toBe(201);
    // A minute-long window on the limiter's own clock: the idle-key alarm (two windows of real time) cannot
    // clear the count mid-test, and the wait for Retry-After is the clock moving, not the machine sleeping.
    const clock = { now: Date.now() };
    const login = apiWithLimiterClock(60, clock);

    const responses = await statusesOf(
      times(6, (i) => () => login("/v1/auth/login", json({ email, password: `wrong guess ${i}` }))),
    );
    expect(count(responses, 401)).toBe(5);
    const limited = responses.find((r) => r.status === 429)!;
    await expectRateLimited(limited);
    // Even the right password is refused while the account is throttled.
    const retryAfter = await expectRateLimited(await login("/v1/auth/login", json({ email, password })));

    clock.now += retryAfter * 1000 + 100;
    const recovered = await login("/v1/auth/login", json({ email, password }));
    expect(recovered.status).toBe(200);
  });

  it("counts attempts per account across IPs, and applies to unknown emails alike", async () => {
    const email = `nobody-${crypto.randomUUID()}@x.example`;
    const responses = await statusesOf(
      times(6, (i) => () => api("/v1/auth/login", json({ email, password: "guess" }, from(`203.0.113.${i}`)))),
    );
    expect(count(responses, 401)).toBe(5);
    await expectRateLimited(responses.find((r) => r.status === 429)!);
  });
});

describe("login per account counts failures only", () => {
  // A minute-long window: without the reset, the sixth attempt in it would be refused whatever its outcome.
  const login = apiWithLoginWindow(60);
  const attempt = (email: string, password: string) => login("/v1/auth/login", json({ email, password }));

  it("never locks an account out through its owner's successful logins", async () => {
    const { email, password } = await signUp();
    for (let i = 0; i < 8; i++) expect((await attempt(email, password)).status, `login ${i + 1}`).toBe(200);
  });

  it("still locks at the limit on failed attempts, and a success in between starts the count again", async () => {
    const { email, password } = await signUp();
    for (let i = 0; i < 4; i++) expect((await attempt(email, "a wrong guess")).status).toBe(401);
    expect((await attempt(email, password)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await attempt(email, "a wrong guess")).status, `guess ${i + 1}`).toBe(401);
    await expectRateLimited(await attempt(email, "a wrong guess"));
    await expectRateLimited(await attempt(email, password));
  });
});

describe("per-IP limits", () => {
  it("registration from one IP triggers after 50 sign-ups; other IPs are unaffected", async () => {
    // Common passwords are refused after the attempt is counted, which keeps this fast.
    const responses = await statusesOf(
      times(
        51,
        (i) => () =>
          api(
            "/v1/auth/register",
            json({ email: `r${i}@x.example`, password: "1234567890", name: "R" }, from("192.0.2.10")),
          ),
      ),
    );
    expect(count(responses, 422)).toBe(50);
    await expectRateLimited(responses.find((r) => r.status === 429)!);
    const elsewhere = await api(
      "/v1/auth/register",
      json({ email: "r52@x.example", password: "a fine long password", name: "R" }, from("192.0.2.11")),
    );
    expect(elsewhere.status).toBe(201);
  });

  it("login from one IP triggers after 50 attempts across many accounts", async () => {
    const responses = await statusesOf(
      times(
        51,
        (i) => () =>
          api("/v1/auth/login", json({ email: `spray${i}@x.example`, password: "Summer2024!" }, from("192.0.2.20"))),
      ),
    );
    expect(count(responses, 401)).toBe(50);
    await expectRateLimited(responses.find((r) => r.status === 429)!);
  }, 60_000);

  it("password-reset requests from one IP trigger after 50", async () => {
    const responses = await statusesOf(
      times(51, (i) => () => api("/v1/auth/password-reset", json({ email: `who${i}@x.example` }, from("192.0.2.30")))),
    );
    expect(count(responses, 202)).toBe(50);
    await expectRateLimited(responses.find((r) => r.status === 429)!);
  });
});

describe("password reset per account", () => {
  it("triggers after 3 requests for one email and recovers", async () => {
    const account = await signUp();
    const responses = await statusesOf(
      times(4, (i) => () => api("/v1/auth/password-reset", json({ email: account.email }, from(`198.18.0.${i}`)))),
    );
    expect(count(responses, 202)).toBe(3);
    const retryAfter = await expectRateLimited(responses.find((r) => r.status === 429)!);
    await sleep(retryAfter * 1000 + 100);
    expect((await api("/v1/auth/password-reset", json({ email: account.email }))).status).toBe(202);
  });
});
