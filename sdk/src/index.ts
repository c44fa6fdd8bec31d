import createClient, { type Client } from "openapi-fetch";
import { IDEMPOTENT_OPERATIONS } from "./operations";
import type { components, paths } from "./schema";

/**
 * The Book Bazaar client: every route of the API typed from its OpenAPI document (openapi-fetch over the types
 * openapi-typescript generates). Each call answers `{ data }` or `{ error }`, the error a typed problem+json with its
 * `code`. Around the calls it keeps the signed-in session (access token sent, refreshed once when it expires, the
 * rotating refresh token kept), the guest cart's `X-Cart-Token`, an `Idempotency-Key` for the routes that take one,
 * and retries only where a retry cannot do a thing twice.
 */

export type { components, paths };
export type Problem = components["schemas"]["Problem"];

/** A signed-in session: keep it (`onSession`) to restore a client later. */
export interface Session {
  accessToken: string;
  refreshToken: string;
}

export interface BazaarOptions {
  /** The API's origin, e.g. `https://api.bookbazaar.example`. */
  baseUrl: string;
  /** The fetch to send with (defaults to the global one). */
  fetch?: (request: Request) => Promise<Response>;
  /** A session kept from before, and the guest cart's token. */
  session?: Session | null;
  cartToken?: string | null;
  /** Called whenever the session starts, rotates or ends (null), to persist it. */
  onSession?: (session: Session | null) => void;
  /** Called whenever the guest cart token changes (null once a sign-in merged the guest cart). */
  onCartToken?: (token: string | null) => void;
  /** Retries of a call that is safe to repeat (reads, and writes with an Idempotency-Key). Default 2. */
  retries?: number;
}

export interface Bazaar extends Client<paths> {
  /** The current session, if signed in. */
  readonly session: Session | null;
  /** The guest cart's token, until a sign-in merges the cart. */
  readonly cartToken: string | null;
  /** Forgets the session locally (call `POST /v1/auth/logout` first to end it on the server). */
  forget(): void;
}

/** Calls that answer a new session; a sign-in also merges the guest cart the client carried. */
const SIGN_INS = new Set(["/v1/auth/login", "/v1/auth/mfa", "/v1/auth/oidc/exchange", "/v1/auth/oidc/link"]);
const REFRESH = "/v1/auth/refresh";
const TRANSIENT = new Set([502, 503, 504]);

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));

export function createBazaar(options: BazaarOptions): Bazaar {
  const send = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const retries = options.retries ?? 2;
  let session = options.session ?? null;
  let cartToken = options.cartToken ?? null;
  let refreshing: Promise<boolean> | undefined;

  const setSession = (next: Session | null) => {
    session = next;
    options.onSession?.(next);
  };
  const setCartToken = (next: string | null) => {
    if (next === cartToken) return;
    cartToken = next;
    options.onCartToken?.(next);
  };

  /** Sends with retries where they are safe: reads, and writes that carry an Idempotency-Key. */
  async function transport(request: Request): Promise<Response> {
    const safe = request.method === "GET" || request.method === "HEAD" || request.headers.has("idempotency-key");
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await send(request.clone());
        if (!safe || attempt >= retries || !TRANSIENT.has(response.status)) return response;
      } catch (error) {
        if (!safe || attempt >= retries) throw error;
      }
      await pause(attempt);
    }
  }

  /** Exchanges the refresh token once for everyone waiting; false when the session is over. */
  function refresh(): Promise<boolean> {
    const current = session;
    if (!current) return Promise.resolve(false);
    refreshing ??= (async () => {
      const response = await transport(
        new Request(new URL(REFRESH, options.baseUrl), {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ refreshToken: current.refreshToken }),
        }),
      );
      if (!response.ok) {
        setSession(null);
        return false;
      }
      const tokens = (await response.json()) as Session;
      setSession({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
      return true;
    })().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  function withCredentials(request: Request): Request {
    const headers = new Headers(request.headers);
    if (session && !headers.has("authorization")) headers.set("authorization", `Bearer ${session.accessToken}`);
    if (cartToken && !headers.has("x-cart-token")) headers.set("x-cart-token", cartToken);
    return new Request(request, { headers });
  }

  async function fetchWithSession(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname;
    const original = request.clone();
    const hadSession = session !== null;
    let response = await transport(withCredentials(request));
    // An expired access token: refresh once, then send the call again with the new one.
    if (response.status === 401 && hadSession && path !== REFRESH && !SIGN_INS.has(path) && (await refresh())) {
      const retry = new Request(original);
      retry.headers.delete("authorization");
      response = await transport(withCredentials(retry));
    }
    const issued = response.headers.get("x-cart-token");
    if (issued && !session) setCartToken(issued);
    if (response.ok && (SIGN_INS.has(path) || path === REFRESH)) {
      const tokens = (await response.clone().json()) as Session;
      setSession({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
      if (SIGN_INS.has(path)) setCartToken(null);
    }
    if (path === "/v1/auth/logout" && response.ok) setSession(null);
    return response;
  }

  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: fetchWithSession });
  client.use({
    onRequest({ request, schemaPath }) {
      if (!IDEMPOTENT_OPERATIONS.has(`${request.method} ${schemaPath}`)) return undefined;
      if (request.headers.has("idempotency-key")) return undefined;
      request.headers.set("idempotency-key", crypto.randomUUID());
      return request;
    },
  });

  return Object.defineProperties(client, {
    session: { get: () => session },
    cartToken: { get: () => cartToken },
    forget: { value: () => setSession(null) },
  }) as Bazaar;
}
