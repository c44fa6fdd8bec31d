// Generates a signing key for access tokens as a private JWK with a `kid`.
//
//   node scripts/generate-jwt-key.mjs              # ES256 production key, kid "es256-<date>-<random>"
//   node scripts/generate-jwt-key.mjs --alg EdDSA  # Ed25519 instead (set JWT_ALGORITHM=EdDSA too)
//   node scripts/generate-jwt-key.mjs --dev        # a development key (kid "dev-…"); production refuses these
//
// JWT_SIGNING_KEYS is a JSON array of private JWKs: the first one signs, every one verifies, and
// GET /.well-known/jwks.json publishes their public halves. To rotate:
//   1. put the new key first, keep the old one after it, deploy (new tokens use the new kid; old ones still verify);
//   2. after the access-token lifetime (15 minutes) has passed, remove the old key and deploy again (retired).
// Store the array with `wrangler secret put JWT_SIGNING_KEYS` (production) or in .dev.vars (development).
import { randomBytes } from "node:crypto";
import { exportJWK, generateKeyPair } from "jose";

const args = process.argv.slice(2);
const alg = args.includes("--alg") ? args[args.indexOf("--alg") + 1] : "ES256";
if (alg !== "ES256" && alg !== "EdDSA") {
  console.error("--alg must be ES256 or EdDSA");
  process.exit(1);
}
const dev = args.includes("--dev");

const { privateKey } = await generateKeyPair(alg, { extractable: true, crv: alg === "EdDSA" ? "Ed25519" : undefined });
const jwk = await exportJWK(privateKey);
const date = new Date().toISOString().slice(0, 10).replace(/-/g, "");
jwk.kid = `${dev ? "dev-" : ""}${alg.toLowerCase()}-${date}-${randomBytes(4).toString("hex")}`;
jwk.alg = alg;
jwk.use = "sig";

console.error(`Generated ${alg} key ${jwk.kid}. Prepend it to the JWT_SIGNING_KEYS array (the first key signs):`);
console.log(JSON.stringify(jwk));
