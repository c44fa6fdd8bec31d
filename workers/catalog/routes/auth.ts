import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../../http/context";
import { AppError } from "../../http/errors";
import { principalOf, requireAuth, requireRole } from "../../identity";
import type { CatalogContext } from "../context";

/** OpenAPI: the route needs a Bearer access token. */
export const bearer = [{ bearerAuth: [] }];

export const asSeller: MiddlewareHandler<AppEnv>[] = [requireAuth, requireRole("seller")];
export const asAdmin: MiddlewareHandler<AppEnv>[] = [requireAuth, requireRole("admin")];

/** The seller profile the signed-in user acts as (identity owns it); without one there is nothing to manage. */
export async function sellerIdOf(c: Context<AppEnv>, ctx: CatalogContext): Promise<string> {
  const sellerId = await ctx.sellers.sellerIdOf(principalOf(c).userId);
  if (!sellerId) throw new AppError("forbidden", "Open a seller profile first (POST /v1/sellers).");
  return sellerId;
}

export const noContent = { 204: { description: "Done" } } as const;
