import { createDecipheriv, createECDH, createPublicKey, type ECDH, hkdfSync, randomBytes, verify } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local Web Push service (in the place of FCM's, Mozilla's or Apple's), together with the browser behind each of
 * its subscriptions. It hands out subscriptions (the browser's P-256 key pair and auth secret) and, for every
 * message posted to one, checks the VAPID authorization as a push service does (RFC 8292: ES256 over the JWT by
 * the key `k`, `aud` this service's origin, `exp` within 24 hours, a `sub` contact) and decrypts the aes128gcm
 * body as the browser does (RFC 8291 keys, RFC 8188 record). Tests read what arrived and script the status a
 * subscription answers (404/410 for one the service forgot, 5xx for an outage) through `/__push` endpoints.
 */
export interface ReceivedPush {
  /** What was wrong with the request; empty when the authorization verified and the payload decrypted. */
  problems: string[];
  vapidKey: string | null;
  claims: Record<string, unknown> | null;
  payload: string | null;
  headers: { ttl: string | null; urgency: string | null; topic: string | null; contentEncoding: string | null };
  status: number;
}

interface Subscription {
  browser: ECDH;
  publicKey: Buffer;
  auth: Buffer;
  /** Statuses to answer next, one per message; then `always`, else 201. */
  replies: number[];
  always?: number;
  received: ReceivedPush[];
}

const MAX_TOKEN_SECONDS = 24 * 60 * 60;

export async function startPushService(): Promise<{ url: string; server: Server }> {
  const subscriptions = new Map<string, Subscription>();
  let origin = "";
  const server = createServer(async (req, res) => {
    const body = await bodyOf(req);
    const path = new URL(req.url ?? "/", "http://push").pathname;
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(payload === undefined ? "" : JSON.stringify(payload));
    };
    if (path === "/__push/subscriptions" && req.method === "POST") {
      const id = randomBytes(12).toString("hex");
      const browser = createECDH("prime256v1");
      const publicKey = browser.generateKeys();
      const auth = randomBytes(16);
      subscriptions.set(id, { browser, publicKey, auth, replies: [], received: [] });
      return send(201, {
        id,
        endpoint: `${origin}/push/${id}`,
        keys: { p256dh: publicKey.toString("base64url"), auth: auth.toString("base64url") },
      });
    }
    const control = /^\/__push\/subscriptions\/(\w+)\/(replies|messages)$/.exec(path);
    const controlled = control ? subscriptions.get(control[1]!) : undefined;
    if (control && controlled && control[2] === "replies" && req.method === "POST") {
      const { status, times = 1 } = JSON.parse(body.toString("utf8")) as { status: number; times?: number };
      if (times < 0) controlled.always = status;
      else controlled.replies.push(...Array.from({ length: times }, () => status));
      return send(200, {});
    }
    if (control && controlled && control[2] === "messages") return send(200, controlled.received);
    const pushed = /^\/push\/(\w+)$/.exec(path);
    const subscription = pushed ? subscriptions.get(pushed[1]!) : undefined;
    if (!subscription || req.method !== "POST") return send(404, { error: "no such subscription" });

    const status = subscription.replies.shift() ?? subscription.always ?? 201;
    const problems: string[] = [];
    const vapid = checkVapid(req.headers.authorization, origin, problems);
    const payload = decrypt(body, subscription, problems);
    if (req.headers["content-encoding"] !== "aes128gcm") problems.push("Content-Encoding is not aes128gcm");
    if (!req.headers.ttl) problems.push("no TTL header");
    subscription.received.push({
      problems,
      ...vapid,
      payload,
      headers: {
        ttl: header(req, "ttl"),
        urgency: header(req, "urgency"),
        topic: header(req, "topic"),
        contentEncoding: header(req, "content-encoding"),
      },
      status,
    });
    const location = `${origin}/messages/${pushed![1]}-${subscription.received.length}`;
    return send(status, undefined, status === 201 ? { location } : {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: origin, server };
}

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return typeof value === "string" ? value : null;
};

function bodyOf(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
  });
}

/** RFC 8292 §3: `vapid t=<JWT>, k=<the sender's public key>`, the JWT signed by that key for this origin. */
function checkVapid(authorization: string | undefined, origin: string, problems: string[]) {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(authorization ?? "");
  if (!match) {
    problems.push(`not a VAPID authorization: ${authorization ?? "(none)"}`);
    return { vapidKey: null, claims: null };
  }
  const [, token, vapidKey] = match as unknown as [string, string, string];
  const [head, body, signature] = token.split(".") as [string, string, string];
  const point = Buffer.from(vapidKey, "base64url");
  const key = createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33, 65).toString("base64url"),
    },
    format: "jwk",
  });
  const signed = verify(
    "sha256",
    Buffer.from(`${head}.${body}`),
    { key, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  if (!signed) problems.push("the JWT signature does not verify against k");
  const header = JSON.parse(Buffer.from(head, "base64url").toString("utf8")) as Record<string, unknown>;
  if (header.alg !== "ES256") problems.push(`the JWT is ${String(header.alg)}, not ES256`);
  const claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Record<string, unknown>;
  if (claims.aud !== origin) problems.push(`aud is ${String(claims.aud)}, not ${origin}`);
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== "number" || claims.exp <= now || claims.exp > now + MAX_TOKEN_SECONDS) {
    problems.push(`exp ${String(claims.exp)} is not within the next 24 hours`);
  }
  if (typeof claims.sub !== "string" || !/^(mailto:|https:)/.test(claims.sub))
    problems.push("no mailto: or https: sub");
  return { vapidKey, claims };
}

/** What the browser does with an aes128gcm push message (RFC 8291 §3.4, RFC 8188 §2), with node:crypto. */
function decrypt(body: Buffer, subscription: Subscription, problems: string[]): string | null {
  try {
    const salt = body.subarray(0, 16);
    const recordSize = body.readUInt32BE(16);
    const keyIdLength = body[20]!;
    const senderKey = body.subarray(21, 21 + keyIdLength);
    const record = body.subarray(21 + keyIdLength);
    if (keyIdLength !== 65) throw new Error(`the key id is ${keyIdLength} bytes, not a P-256 point`);
    if (record.length > recordSize) throw new Error("more than one record");
    const shared = subscription.browser.computeSecret(senderKey);
    const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), subscription.publicKey, senderKey]);
    const ikm = Buffer.from(hkdfSync("sha256", shared, subscription.auth, keyInfo, 32));
    const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
    const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
    const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
    decipher.setAuthTag(record.subarray(record.length - 16));
    const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
    let end = padded.length - 1;
    while (end >= 0 && padded[end] === 0) end--;
    if (padded[end] !== 0x02) throw new Error("the record does not end with the last-record delimiter");
    return padded.subarray(0, end).toString("utf8");
  } catch (error) {
    problems.push(`the payload does not decrypt: ${String(error)}`);
    return null;
  }
}
