import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../../http/context";
import { AppError } from "../../http/errors";
import { principalOf, sellerOf } from "../../identity";

/** OpenAPI: the route needs a Bearer access token. */
export const bearer = [{ bearerAuth: [] }];

/** The seller profile the caller acts as (identity owns it); without one there is nothing to sell. */
export async function callerSellerId(c: Context<AppEnv>): Promise<string> {
  const seller = await sellerOf({ services: c.get("services") }, principalOf(c).userId);
  if (!seller) throw new AppError("forbidden", "Open a seller profile first (POST /v1/sellers).");
  return seller.id;
}

/** Refunds are a seller's (for what they sold) or an admin's business; a buyer asks the seller. */
export const requireSellerOrAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { roles } = principalOf(c);
  if (!roles.includes("admin") && !roles.includes("seller")) {
    throw new AppError("forbidden", "Refunds are issued by the seller of the lines or by an admin.");
  }
  await next();
};
