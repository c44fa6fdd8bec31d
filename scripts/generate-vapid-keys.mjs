// Generates a VAPID key pair (RFC 8292) for Web Push: the public key browsers subscribe with and the private key
// that signs each push request, both base64url as push services and `PushManager.subscribe()` expect them.
//
//   node scripts/generate-vapid-keys.mjs        # a production pair
//   node scripts/generate-vapid-keys.mjs --dev  # a development pair (private key "dev-…"); production refuses it
//
// Store both with `wrangler secret put VAPID_PUBLIC_KEY` and `wrangler secret put VAPID_PRIVATE_KEY` (production)
// or in .dev.vars (development). A new pair invalidates every subscription made with the old public key.
import { generateKeyPairSync } from "node:crypto";

const dev = process.argv.slice(2).includes("--dev");
const { privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
const { x, y, d } = privateKey.export({ format: "jwk" });
const point = Buffer.concat([Buffer.from([0x04]), Buffer.from(x, "base64url"), Buffer.from(y, "base64url")]);

console.error(`Generated a ${dev ? "development" : "production"} VAPID key pair:`);
console.log(`VAPID_PUBLIC_KEY="${point.toString("base64url")}"`);
console.log(`VAPID_PRIVATE_KEY="${dev ? "dev-" : ""}${d}"`);
