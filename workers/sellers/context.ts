import type { Context } from "hono";
import type { AppEnv } from "../http/context";
import { type IdentityContext, identityContext } from "../identity";

/**
 * What the seller rules work with: identity's view of the request, since opening a profile grants identity's
 * `seller` role and writes its audit entry (stamped with the caller's client).
 */
export type SellersContext = IdentityContext;

export function sellersContext(c: Context<AppEnv>): SellersContext {
  return identityContext(c);
}
