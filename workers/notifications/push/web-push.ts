import { encryptNotification } from "@block65/webcrypto-web-push";
import { importJWK, SignJWT } from "jose";
import { base64url, fromBase64url, sha256Hex } from "../../lib/tokens";
import type { PushMessage, PushOutcome, PushSender } from "./sender";

export interface VapidKeys {
  /** The uncompressed P-256 point, base64url: what browsers subscribe with (`applicationServerKey`). */
  publicKey: string;
  /** The private scalar, base64url. */
  privateKey: string;
  /** A `mailto:` or `https:` contact for the push service's operators. */
  subject: string;
}

/** How long a push service keeps a message for a browser that is offline: after a day the notice is stale. */
const TTL_SECONDS = 24 * 60 * 60;
/** A VAPID token's lifetime; push services refuse more than 24 hours. */
const TOKEN_SECONDS = 12 * 60 * 60;
/** The longest push-service message URL the delivery log keeps. */
const MAX_MESSAGE_ID = 255;

/**
 * Production adapter: Web Push (RFC 8030) with the payload encrypted as `aes128gcm` (RFC 8291) by
 * `@block65/webcrypto-web-push`, padded to a constant size, and a VAPID token (RFC 8292) for the endpoint's
 * origin. The token is signed here with jose, as identity signs its tokens, because the library's own
 * `vapidHeaders` refuses every endpoint that is not https, and the local push service of tests and development
 * speaks plain HTTP on loopback (as the PlanetScale proxy does); the subscription routes accept that only there.
 */
export class WebPushSender implements PushSender {
  private signingKey: Promise<CryptoKey | Uint8Array> | undefined;

  constructor(private readonly vapid: VapidKeys) {}

  async send({ subscription, payload, idempotencyKey }: PushMessage): Promise<PushOutcome> {
    const { endpoint, p256dh, auth } = subscription;
    const body = await encryptNotification(
      { endpoint, expirationTime: null, keys: { p256dh, auth } },
      new TextEncoder().encode(payload),
    );
    const response = await fetch(endpoint, {
      method: "POST",
      headers: {
        authorization: await this.authorization(new URL(endpoint).origin),
        "content-encoding": "aes128gcm",
        "content-type": "application/octet-stream",
        ttl: String(TTL_SECONDS),
        urgency: "normal",
        // RFC 8030 §5.4: a message with the same topic replaces one the browser has not fetched yet.
        topic: (await sha256Hex(idempotencyKey)).slice(0, 32),
      },
      body,
    });
    await response.body?.cancel();
    if (response.status === 404 || response.status === 410) return "gone";
    if (!response.ok) throw new Error(`push service answered ${response.status}`);
    const location = response.headers.get("location");
    return {
      provider: "web-push",
      providerMessageId: location && location.length <= MAX_MESSAGE_ID ? location : null,
    };
  }

  /** `vapid t=<JWT for the push service's origin>, k=<our public key>` (RFC 8292 §3). */
  private async authorization(audience: string): Promise<string> {
    this.signingKey ??= this.importKey();
    const token = await new SignJWT({ sub: this.vapid.subject })
      .setProtectedHeader({ typ: "JWT", alg: "ES256" })
      .setAudience(audience)
      .setExpirationTime(Math.floor(Date.now() / 1000) + TOKEN_SECONDS)
      .sign(await this.signingKey);
    return `vapid t=${token}, k=${this.vapid.publicKey}`;
  }

  private importKey() {
    const point = fromBase64url(this.vapid.publicKey);
    const x = base64url(point.slice(1, 33));
    const y = base64url(point.slice(33, 65));
    return importJWK({ kty: "EC", crv: "P-256", x, y, d: this.vapid.privateKey }, "ES256");
  }
}
