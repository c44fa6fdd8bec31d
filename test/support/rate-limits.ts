import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { expect } from "vitest";
import { createApp } from "../../workers/app";
import { envWith } from "./env";

/** The API with some request budgets lowered (`RATE_LIMIT_<BUDGET>_PER_USER` / `_PER_IP`), the others as tested. */
export function apiWithBudgets(budgets: Record<string, string>) {
  const env = envWith(budgets);
  return async (path: string, init: RequestInit = {}) => {
    const ctx = createExecutionContext();
    const response = await createApp().fetch(new Request(`http://bazaar.test${path}`, init), env, ctx);
    await waitOnExecutionContext(ctx);
    return response;
  };
}

/** A fresh client address (TEST-NET-3), so no other test's hits count against it. */
export function freshIp(): string {
  const [a, b] = crypto.getRandomValues(new Uint8Array(2));
  return `203.${a}.${b}.${(a! + b!) % 250}`;
}

/** `headers` plus the client address the edge reports. */
export const from = (ip: string, headers: Record<string, string> = {}) => ({ ...headers, "cf-connecting-ip": ip });

/** A 429 `rate_limited` problem with Retry-After; answers the seconds. */
export async function expectRateLimited(response: Response, budget: string): Promise<number> {
  expect(response.status).toBe(429);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(await response.json()).toMatchObject({
    code: "rate_limited",
    status: 429,
    retryAfterSeconds: retryAfter,
    budget,
  });
  return retryAfter;
}
