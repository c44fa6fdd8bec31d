import type { Context } from "hono";
import type { AppEnv } from "../http/context";
import { type IdentityContext, identityContext } from "../identity";

/**
 * What the tax rules work with: identity's view of the request, since every change of a rate writes its audit
 * entry (stamped with the caller's client) in the same batch.
 */
export type TaxContext = IdentityContext;

export function taxContext(c: Context<AppEnv>): TaxContext {
  return identityContext(c);
}
