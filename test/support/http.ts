import { exports } from "cloudflare:workers";
import { assertDeclaredResponse } from "./openapi-contract";

/**
 * Calls the Worker under test in-process, as a client would over HTTP, and fails the test when the response is
 * not what `/openapi.json` declares for that operation (an undeclared status, a body that breaks its schema).
 */
export async function api(path: string, init?: RequestInit): Promise<Response> {
  const url = `http://bazaar.test${path}`;
  const response = await exports.default.fetch(url, init);
  await assertDeclaredResponse(init?.method ?? "GET", url, response);
  return response;
}

/** A JSON request: `api("/v1/x", json({ a: 1 }))` posts; pass `{ method: "PATCH", headers }` to change either. */
export function json(
  body: unknown,
  init: Omit<RequestInit, "body" | "headers"> & { headers?: Record<string, string> } = {},
) {
  return {
    method: "POST",
    ...init,
    headers: { "content-type": "application/json", ...init.headers },
    body: JSON.stringify(body),
  } satisfies RequestInit;
}
