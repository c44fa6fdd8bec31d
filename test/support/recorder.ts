import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local HTTP server standing in for outside services we cannot reach from tests (email API, Stripe,
 * a print partner). It records every request and answers from a small script of canned replies.
 * Tests read the log and script replies through its `/__recorder` control endpoints. Each test file uses
 * its own scope — the first path segment, or the bearer key for SDKs with fixed paths — so files running in
 * parallel never see each other's traffic.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Reply {
  scope?: string;
  method: string;
  path: string;
  status: number;
  body: unknown;
  times: number;
}

export async function startRecorder(): Promise<{ url: string; server: Server }> {
  const requests: RecordedRequest[] = [];
  const replies: Reply[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const url = new URL(req.url ?? "/", "http://recorder");
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(payload));
      };
      if (url.pathname === "/__recorder/requests") {
        const scope = url.searchParams.get("scope") ?? "";
        return send(
          200,
          requests.filter((r) => inScope(r.path, r.headers, scope)),
        );
      }
      if (url.pathname === "/__recorder/replies" && req.method === "POST") {
        replies.push({ times: 1, ...(JSON.parse(body) as Omit<Reply, "times">) });
        return send(200, {});
      }
      requests.push({ method: req.method ?? "GET", path: url.pathname + url.search, headers: req.headers, body });
      const reply = replies.find(
        (r) =>
          r.method === req.method &&
          url.pathname.startsWith(r.path) &&
          r.times !== 0 &&
          (!r.scope || inScope(url.pathname, req.headers, r.scope)),
      );
      if (reply) {
        reply.times -= 1;
        return send(reply.status, reply.body);
      }
      return send(404, { error: "no scripted reply" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}

function inScope(path: string, headers: IncomingHttpHeaders, scope: string): boolean {
  return path.startsWith(`/${scope}/`) || headers.authorization === `Bearer ${scope}`;
}
