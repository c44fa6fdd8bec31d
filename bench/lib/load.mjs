// Load from Node with autocannon: fixed connections and duration, a discarded warm-up, the median of N runs.
import autocannon from "autocannon";

/** D1 rows read as the app reports them in bench mode: `Server-Timing: d1;…;desc="queries=1 rows_read=3 …"`. */
export function parseD1Timing(value) {
  const match = /(?:^|,)\s*d1;[^,]*desc="([^"]*)"/.exec(value ?? "");
  if (!match) return undefined;
  const rowsRead = /rows_read=(\d+)/.exec(match[1]);
  const queries = /queries=(\d+)/.exec(match[1]);
  return rowsRead
    ? {
        rowsRead: Number(rowsRead[1]),
        queries: queries ? Number(queries[1]) : 0,
        partial: /\bpartial\b/.test(match[1]),
      }
    : undefined;
}

/** Reads the Server-Timing header of every response on the connection, without keeping bodies. */
function d1Sampler() {
  const tally = { responses: 0, rowsRead: 0, queries: 0, queried: 0, partial: 0 };
  const setupClient = (client) => {
    client.on("headers", ({ headers }) => {
      for (let i = 0; i < headers.length; i += 2) {
        if (headers[i].toLowerCase() !== "server-timing") continue;
        const d1 = parseD1Timing(headers[i + 1]);
        if (!d1) return;
        // Queries are counted on every response; rows only where every query could report them.
        tally.queried += 1;
        tally.queries += d1.queries;
        // The first run of each statement in an isolate cannot report its rows (see workers/platform/d1-usage.ts).
        if (d1.partial) tally.partial += 1;
        else {
          tally.responses += 1;
          tally.rowsRead += d1.rowsRead;
        }
        return;
      }
    });
  };
  return { tally, setupClient };
}

/** One autocannon run; figures in requests/s and milliseconds. */
export async function loadOnce({ url, requests, connections, seconds, amount, timeoutSeconds = 10, setupClient }) {
  const sampler = d1Sampler();
  const result = await autocannon({
    url,
    requests,
    connections,
    ...(amount ? { amount } : { duration: seconds }),
    timeout: timeoutSeconds,
    setupClient: (client) => {
      sampler.setupClient(client);
      setupClient?.(client);
    },
  });
  const { tally } = sampler;
  return {
    requests: result.requests.total,
    seconds: result.duration,
    rps: result.duration > 0 ? result.requests.total / result.duration : 0,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count])),
    rowsReadPerRequest: tally.responses > 0 ? tally.rowsRead / tally.responses : null,
    queriesPerRequest: tally.queried > 0 ? tally.queries / tally.queried : null,
    queriesSampled: tally.queried,
    rowsReadSampled: tally.responses,
    rowsReadPartial: tally.partial,
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Throughput and latencies are the median of the runs; errors are summed, so one bad run shows; rows read are
 * averaged over every sampled response. */
export function summarize(samples) {
  const sampled = samples.reduce((sum, s) => sum + s.rowsReadSampled, 0);
  const queried = samples.reduce((sum, s) => sum + s.queriesSampled, 0);
  return {
    rps: median(samples.map((s) => s.rps)),
    p50: median(samples.map((s) => s.p50)),
    p99: median(samples.map((s) => s.p99)),
    non2xx: samples.reduce((sum, s) => sum + s.non2xx, 0),
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
    rowsReadPerRequest:
      sampled > 0
        ? samples.reduce((sum, s) => sum + (s.rowsReadPerRequest ?? 0) * s.rowsReadSampled, 0) / sampled
        : null,
    queriesPerRequest:
      queried > 0 ? samples.reduce((sum, s) => sum + (s.queriesPerRequest ?? 0) * s.queriesSampled, 0) / queried : null,
    runs: samples,
  };
}

/** Warm-up (discarded), then `runs` timed runs back to back, summarized. */
export async function measure({ url, requests, connections, warmupSeconds, seconds, runs }) {
  if (warmupSeconds > 0) await loadOnce({ url, requests, connections, seconds: warmupSeconds });
  const samples = [];
  for (let run = 0; run < runs; run++) samples.push(await loadOnce({ url, requests, connections, seconds }));
  return summarize(samples);
}
