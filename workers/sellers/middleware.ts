import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv, CallingSeller } from "../http/context";
import { AppError } from "../http/errors";
import { principalOf } from "../identity";
import { sellerOf } from "./service";

/**
 * For routes declared `securedRoute({ role: "seller", middleware: [requireSeller] })`: the signed-in user's
 * seller profile becomes the request's `seller`; without one there is nothing to sell or manage (403).
 */
export const requireSeller: MiddlewareHandler<AppEnv> = async (c, next) => {
  const seller = await sellerOf({ services: c.get("services") }, principalOf(c).userId);
  if (!seller) throw new AppError("forbidden", "Open a seller profile first (POST /v1/sellers).");
  c.set("seller", seller);
  await next();
};

/** The seller a handler behind `requireSeller` acts for. */
export function callingSeller(c: Context<AppEnv>): CallingSeller {
  const seller = c.get("seller");
  if (!seller) throw new AppError("forbidden", "Open a seller profile first (POST /v1/sellers).");
  return seller;
}
