import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import type { AppEnv, Principal } from "../http/context";
import { currentPrincipal } from "../identity";
import { base64url, hmacSha256, openWithToken, randomToken, sealWithToken, timingSafeEqual } from "../lib/tokens";
import { sellerOf } from "../sellers";

/** The console's cookie: the identity session it is bound to, sealed under CONSOLE_COOKIE_SECRET. */
const SESSION_COOKIE = "bb_console";
/** Before sign-in there is no session to bind a form token to: the login form's token is a cookie of its own. */
const LOGIN_CSRF_COOKIE = "bb_console_login";
/**
 * A sign-in with a provider binds its return to the browser that left: a random value in this cookie and in the
 * return URL, which must match (someone else's sign-in link cannot sign this browser into their account). It is
 * SameSite=Lax, since the browser comes back from the provider's site.
 */
const SIGN_IN_TRIP_COOKIE = "bb_console_trip";
const SIGN_IN_TRIP_SECONDS = 10 * 60;
/** A browser session lasts as long as an identity session may (SESSION_MAX_AGE_DAYS); the cookie no longer. */
const DAY_SECONDS = 24 * 60 * 60;

const SealedSession = z.object({ sid: z.string(), uid: z.string() });

const secretOf = (c: Context<AppEnv>) => c.get("config").CONSOLE_COOKIE_SECRET!;
const secure = (c: Context<AppEnv>) => c.get("config").ENVIRONMENT !== "development";
const cookieOptions = (c: Context<AppEnv>, maxAge: number) =>
  ({ httpOnly: true, sameSite: "Strict", secure: secure(c), path: "/", maxAge }) as const;

/** Starts the browser session for an identity session the login just opened. */
export async function holdSession(c: Context<AppEnv>, principal: Principal) {
  const sealed = await sealWithToken(secretOf(c), JSON.stringify({ sid: principal.sessionId, uid: principal.userId }));
  setCookie(c, SESSION_COOKIE, sealed, cookieOptions(c, c.get("config").SESSION_MAX_AGE_DAYS * DAY_SECONDS));
  deleteCookie(c, LOGIN_CSRF_COOKIE, { path: "/" });
}

/** Marks this browser as the one a provider sign-in left from; the value goes into the return URL. */
export function holdSignInTrip(c: Context<AppEnv>): string {
  const value = randomToken(32);
  setCookie(c, SIGN_IN_TRIP_COOKIE, value, { ...cookieOptions(c, SIGN_IN_TRIP_SECONDS), sameSite: "Lax" });
  return value;
}

/** Whether the return from a provider comes to the browser that left (once: the cookie goes). */
export function takeSignInTrip(c: Context<AppEnv>, returned: string | undefined): boolean {
  const expected = getCookie(c, SIGN_IN_TRIP_COOKIE) ?? "";
  deleteCookie(c, SIGN_IN_TRIP_COOKIE, { path: "/", secure: secure(c) });
  return expected.length > 0 && returned !== undefined && timingSafeEqual(returned, expected);
}

export function dropSession(c: Context<AppEnv>) {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: secure(c) });
}

/** The identity session the cookie names, as sealed (whether it is still live is asked separately). */
async function sealedPrincipal(c: Context<AppEnv>): Promise<Principal | null> {
  const cookie = getCookie(c, SESSION_COOKIE);
  if (!cookie) return null;
  const opened = await openWithToken(secretOf(c), cookie).then(
    (plain) => SealedSession.safeParse(JSON.parse(plain)),
    () => null,
  );
  if (!opened?.success) return null;
  // The console acts through seller-scoped service calls; roles are not what it checks (the seller profile is).
  return { userId: opened.data.uid, sessionId: opened.data.sid, roles: [] };
}

/** The form token of a browser session: derived from its identity session, so it dies with it. */
async function formToken(c: Context<AppEnv>, sessionId: string) {
  return base64url(await hmacSha256(secretOf(c), `console-form:${sessionId}`));
}

/** Where a request without a live session goes: the login page, and back here after it. */
function toLogin(c: Context<AppEnv>) {
  dropSession(c);
  const back = new URL(c.req.url);
  const login = `/console/login?next=${encodeURIComponent(back.pathname + back.search)}`;
  // An htmx request is told to go there, rather than having a login form swapped into a table row.
  if (c.req.header("hx-request")) return c.body(null, 204, { "hx-redirect": login });
  return c.redirect(login, 303);
}

/**
 * Pages behind sign-in: a missing, forged or ended session (logged out, logged out everywhere, expired, a deleted
 * user) goes to the login page. A shop's pages also need its seller profile, asked for at the same time as the
 * session's liveness (one round trip of waiting, not two) and used only when the session is live; without one,
 * the user is offered the onboarding form. With `shop: "optional"`, a page open to every account (the security
 * page) still gets the shop when there is one.
 */
export function requireConsoleSession(opts: { shop: boolean | "optional" }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const sealed = await sealedPrincipal(c);
    if (!sealed) return toLogin(c);
    const services = c.get("services");
    const [principal, seller] = await Promise.all([
      currentPrincipal({ services }, sealed),
      opts.shop ? sellerOf({ services }, sealed.userId) : undefined,
    ]);
    if (!principal) return toLogin(c);
    c.set("principal", principal);
    c.set("csrfToken", await formToken(c, principal.sessionId));
    if (opts.shop) {
      if (!seller && opts.shop === "optional") return next();
      if (!seller) {
        if (c.req.header("hx-request")) return c.body(null, 204, { "hx-redirect": "/console/onboarding" });
        return c.redirect("/console/onboarding", 303);
      }
      c.set("seller", seller);
    }
    await next();
  };
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

async function sentToken(c: Context<AppEnv>): Promise<string> {
  const header = c.req.header("x-csrf-token");
  if (header) return header;
  const type = c.req.header("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) return "";
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  return typeof body._csrf === "string" ? body._csrf : "";
}

/** Every state-changing request carries the session's form token (a hidden field, or htmx's X-CSRF-Token). */
export const requireFormToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!UNSAFE.has(c.req.method)) return next();
  const expected = c.get("csrfToken");
  if (!expected || !timingSafeEqual(await sentToken(c), expected)) return forbidden(c);
  await next();
};

/** The login and registration forms' token: a random value in a cookie of its own and in the form. */
export function loginFormToken(c: Context<AppEnv>): string {
  const existing = getCookie(c, LOGIN_CSRF_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = randomToken(32);
  setCookie(c, LOGIN_CSRF_COOKIE, token, cookieOptions(c, 60 * 60));
  return token;
}

export const requireLoginFormToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!UNSAFE.has(c.req.method)) return next();
  const expected = getCookie(c, LOGIN_CSRF_COOKIE) ?? "";
  if (expected.length === 0 || !timingSafeEqual(await sentToken(c), expected)) return forbidden(c);
  await next();
};

const forbidden = (c: Context<AppEnv>) =>
  c.html(
    "<!doctype html><title>Form expired</title><p>This form has expired or did not come from this site. " +
      '<a href="/console">Go back to the console</a> and try again.</p>',
    403,
  );
