import type { Context } from "hono";
import type { AppEnv } from "../http/context";
import { signInProviders } from "../identity";

/** Where to go after sign-in: a console path the login page was sent from, never another site. */
export const consolePath = (next: string | undefined) =>
  next && /^\/console(\/[A-Za-z0-9/_\-.?=&%]*)?$/.test(next) && !next.startsWith("//") ? next : "/console";

/** The sign-in providers the login page offers (OIDC_PROVIDERS). */
export const providerChoices = (c: Context<AppEnv>) =>
  signInProviders(c.get("config")).map(({ id, name }) => ({ id, name }));
