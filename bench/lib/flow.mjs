// For scenarios whose load is a flow of dependent calls (checkout, then pay with the payment it returned): every call
// timed from Node, with its status and the D1 usage the app reports, and the table's figures computed from them.
import { parseD1Timing } from "./load.mjs";

const TIMEOUT_MS = 10_000; // as the timed loads: a call unanswered after 10 s is an error

/** One call: `{ kind, status, ms, body, d1 }`; `status` 0 and `error` set when it failed or timed out. */
export async function call(baseUrl, kind, { method = "GET", path, headers = {}, body }) {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    let parsed;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return {
      kind,
      status: response.status,
      ms,
      body: parsed,
      d1: parseD1Timing(response.headers.get("server-timing")),
    };
  } catch (error) {
    return { kind, status: 0, ms: performance.now() - started, error: error.message };
  }
}

/** The value below which `p` percent of the values fall (nearest rank); null for no values. */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round1 = (n) => (n == null ? null : Math.round(n * 10) / 10);

/** The table's figures for a set of calls made in `seconds`. Non-2xx and errors are counted apart. */
export function figuresOf(calls, seconds) {
  const answered = calls.filter((c) => c.status > 0);
  const measured = answered.filter((c) => c.d1 && !c.d1.partial);
  const queried = answered.filter((c) => c.d1);
  return {
    requests: calls.length,
    seconds,
    rps: seconds > 0 ? calls.length / seconds : 0,
    p50: round1(
      percentile(
        answered.map((c) => c.ms),
        50,
      ),
    ),
    p99: round1(
      percentile(
        answered.map((c) => c.ms),
        99,
      ),
    ),
    non2xx: answered.filter((c) => c.status < 200 || c.status > 299).length,
    errors: calls.length - answered.length,
    rowsReadPerRequest: measured.length ? measured.reduce((s, c) => s + c.d1.rowsRead, 0) / measured.length : null,
    queriesPerRequest: queried.length ? queried.reduce((s, c) => s + c.d1.queries, 0) / queried.length : null,
    rowsReadSampled: measured.length,
    queriesSampled: queried.length,
  };
}

/** Resolves once `check()` is true, polling every 200 ms; false after `timeoutMs`. */
export async function until(check, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}
