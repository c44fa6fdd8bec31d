import { api, json } from "./http";

/**
 * Social sign-in as a browser does it, against the local OpenID Connect provider (scripts/oidc-provider.mjs, started
 * by the global setup): the start route sends the browser to the provider, the person types their email on its
 * sign-in page, the provider sends the browser back to the callback, and the callback on to the storefront.
 */

export const STOREFRONT = "https://shop.bazaar.test/account/signed-in";

/** Who signs in at the provider: `verified` is the provider's `email_verified`; `forge` asks for a forged ID token. */
export interface ProviderAccount {
  email: string;
  verified?: boolean;
  /** The provider's stable id for the person (`sub`); by default one derived from the email. */
  subject?: string;
  forge?: "signature" | "nonce" | "audience" | "expired";
}

export const providerAccount = (overrides: Partial<ProviderAccount> = {}): ProviderAccount => ({
  email: `social-${crypto.randomUUID().slice(0, 12)}@bazaar.test`,
  verified: true,
  ...overrides,
});

/** A browser's cookie jar for the provider's origin (its session and interaction cookies). */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  keep(response: Response) {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  get header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/**
 * Signs in on the provider's page as `account` and follows its redirects; resolves with the callback URL the
 * provider sends the browser back to (not yet visited).
 */
export async function signInAtProvider(authorizationUrl: string, account: ProviderAccount): Promise<URL> {
  const jar = new CookieJar();
  const visit = async (url: URL, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: jar.header },
    });
    jar.keep(response);
    return response;
  };
  let response = await visit(new URL(authorizationUrl));
  const page = new URL(response.headers.get("location") ?? "", authorizationUrl);
  if (!page.pathname.startsWith("/interaction/")) {
    throw new Error(`the provider answered ${response.status}: ${await response.text()}`);
  }
  await (await visit(page)).text();
  response = await visit(page, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      email: account.email,
      verified: String(account.verified ?? true),
      ...(account.subject ? { sub: account.subject } : {}),
      ...(account.forge ? { forge: account.forge } : {}),
    }),
  });
  for (let hop = 0; hop < 10; hop++) {
    const next = new URL(response.headers.get("location") ?? "", page);
    if (next.pathname.startsWith("/v1/auth/oidc/")) return next;
    if (response.status < 300 || response.status >= 400) {
      throw new Error(`the provider answered ${response.status}: ${await response.text()}`);
    }
    await response.body?.cancel();
    response = await visit(next);
  }
  throw new Error("the provider never sent the browser back");
}

/** Asks the start route for the provider's URL (a 302), as a browser following a "Sign in with …" link. */
export async function startAt(provider = "local", redirect = STOREFRONT): Promise<string> {
  const query = new URLSearchParams({ redirect });
  const response = await api(`/v1/auth/oidc/${provider}/start?${query}`, { redirect: "manual" });
  if (response.status !== 302) throw new Error(`start answered ${response.status}: ${await response.text()}`);
  return response.headers.get("location") ?? "";
}

/** Visits the callback URL the provider sent the browser to; answers the Worker's response (302 or a problem). */
export function returnTo(callback: URL): Promise<Response> {
  return api(`${callback.pathname}${callback.search}`, { redirect: "manual" });
}

/** The whole trip: start, sign in at the provider, back through the callback; resolves with the storefront URL. */
export async function socialSignIn(
  account: ProviderAccount,
  opts: { provider?: string; redirect?: string } = {},
): Promise<URL> {
  const callback = await signInAtProvider(await startAt(opts.provider, opts.redirect), account);
  const response = await returnTo(callback);
  if (response.status !== 302) throw new Error(`the callback answered ${response.status}: ${await response.text()}`);
  return new URL(response.headers.get("location") ?? "");
}

export interface SignedIn {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; emailVerified: boolean };
}

/** Trades the `oidc_code` of a storefront return URL, as the storefront does. */
export function exchange(code: string, headers: Record<string, string> = {}): Promise<Response> {
  return api("/v1/auth/oidc/exchange", json({ code }, { headers }));
}

/** Signs `account` in with the provider and trades the code for tokens. */
export async function signInWithProvider(account: ProviderAccount): Promise<SignedIn> {
  const back = await socialSignIn(account);
  const code = back.searchParams.get("oidc_code");
  if (!code) throw new Error(`the storefront was sent ${back}`);
  const response = await exchange(code);
  if (response.status !== 200) throw new Error(`exchange answered ${response.status}: ${await response.text()}`);
  return response.json<SignedIn>();
}
