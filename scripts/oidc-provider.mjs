// A standards-compliant OpenID Connect provider (`oidc-provider`) on this machine, for social sign-in without an
// account anywhere: `npm run oidc:dev` serves it beside `npm start`, and the tests sign in through it.
// Its sign-in page asks only for an email: whoever types one is that person, with the address verified (or not,
// when the box is left unticked). A test may also ask for a forged ID token (`forge`): the token endpoint then
// answers one re-signed with a stranger's key, or with a wrong nonce, audience or expiry.
import { createServer } from "node:http";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import Provider from "oidc-provider";

const FORGERIES = ["signature", "nonce", "audience", "expired"];

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const signInPage = (uid, hint) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in to the local provider</title></head>
<body><main><h1>Local sign-in provider</h1>
<p>Any email signs in: this provider is for trying Book Bazaar's social sign-in on your machine.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}">
<label for="email">Email</label> <input id="email" name="email" type="email" required value="${escapeHtml(hint ?? "")}">
<label><input name="verified" type="checkbox" value="true" checked> The provider has verified this address</label>
<button type="submit">Sign in</button>
</form></main></body></html>`;

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/**
 * Starts the provider on `port` (0 picks a free one) with the given clients
 * (`{ client_id, client_secret, redirect_uris }`); resolves with its issuer URL and `close()`.
 */
export async function startOidcProvider({ port = 0, host = "127.0.0.1", clients }) {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingJwk = { ...(await exportJWK(privateKey)), kid: "local-signing", alg: "RS256", use: "sig" };
  const stranger = (await generateKeyPair("RS256")).privateKey;
  /** Who signed in, by subject: their claims and, in tests, the forgery their next ID token gets. */
  const accounts = new Map();

  const server = createServer();
  await new Promise((resolve) => server.listen(port, host, resolve));
  const issuer = `http://${host}:${server.address().port}`;

  const provider = new Provider(issuer, {
    clients: clients.map((client) => ({
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
      ...client,
    })),
    jwks: { keys: [signingJwk] },
    cookies: { keys: ["local-oidc-provider-cookie-key"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    conformIdTokenClaims: false,
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      return account && { accountId: sub, claims: () => ({ sub, ...account.claims }) };
    },
    // The first sign-in of an account grants what was asked (no consent page: this provider is the tester's own).
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();

  async function interaction(req, res) {
    const details = await provider.interactionDetails(req, res);
    if (req.method === "GET") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(signInPage(details.uid, details.params.login_hint));
      return;
    }
    const form = await readForm(req);
    const email = (form.get("email") ?? "").trim();
    const sub = form.get("sub") || `local-${email.toLowerCase()}`;
    const forge = FORGERIES.includes(form.get("forge")) ? form.get("forge") : undefined;
    accounts.set(sub, {
      claims: { email, email_verified: form.get("verified") === "true", name: form.get("name") || email.split("@")[0] },
      forge,
    });
    await provider.interactionFinished(req, res, { login: { accountId: sub } }, { mergeWithLastSubmission: false });
  }

  async function forged(body) {
    const answer = JSON.parse(body);
    if (!answer.id_token) return body;
    const claims = JSON.parse(Buffer.from(answer.id_token.split(".")[1], "base64url").toString("utf8"));
    const forge = accounts.get(claims.sub)?.forge;
    if (!forge) return body;
    const now = Math.floor(Date.now() / 1000);
    const changed = {
      ...claims,
      ...(forge === "nonce" ? { nonce: "not-the-nonce-that-was-sent" } : {}),
      ...(forge === "audience" ? { aud: "some-other-client" } : {}),
      ...(forge === "expired" ? { iat: now - 7200, exp: now - 3600 } : {}),
    };
    const key = forge === "signature" ? stranger : privateKey;
    answer.id_token = await new SignJWT(changed)
      .setProtectedHeader({ alg: "RS256", kid: signingJwk.kid, typ: "JWT" })
      .sign(key);
    return JSON.stringify(answer);
  }

  /** Token answers pass through `forged`, which rewrites the ID token of an account a test asked to forge. */
  function tokenEndpoint(req, res) {
    const chunks = [];
    const end = res.end.bind(res);
    res.write = (chunk) => {
      chunks.push(Buffer.from(chunk));
      return true;
    };
    res.end = (chunk) => {
      if (chunk) chunks.push(Buffer.from(chunk));
      const body = Buffer.concat(chunks).toString("utf8");
      (res.statusCode === 200 ? forged(body) : Promise.resolve(body)).then((text) => {
        if (!res.headersSent) res.setHeader("content-length", Buffer.byteLength(text));
        end(text);
      });
      return res;
    };
    handle(req, res);
  }

  server.on("request", (req, res) => {
    const path = new URL(req.url, issuer).pathname;
    if (path.startsWith("/interaction/")) {
      interaction(req, res).catch((error) => {
        res.writeHead(400, { "content-type": "text/plain" });
        res.end(String(error?.message ?? error));
      });
    } else if (path === "/token" && req.method === "POST") tokenEndpoint(req, res);
    else handle(req, res);
  });

  return { issuer, close: () => new Promise((resolve) => server.close(resolve)) };
}
