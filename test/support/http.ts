import { exports } from "cloudflare:workers";

/** Calls the Worker under test in-process, as a client would over HTTP. */
export function api(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(`http://bazaar.test${path}`, init);
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
