import { z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../../http/context";
import { AppError } from "../../http/errors";
import { publicRoute, type RouteDeclaration } from "../../http/route";
import { requireAuth } from "../../identity";
import { MARKETPLACE_CURRENCY } from "../../lib/money";
import { type CartStub, mergeCarts } from "../service";
import { guestCartId, guestCartName, issueGuestToken, userCartName } from "../token";
import type { ViewRequest } from "../view";

const CART_TOKEN_HEADER = "x-cart-token";

export const cartHeaders = z.object({
  [CART_TOKEN_HEADER]: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: "A guest cart's token (from an earlier cart response)" }),
});

/** Cart routes serve signed-in users and guests: a bearer token, when sent, must be valid. */
const optionalAuth: MiddlewareHandler<AppEnv> = (c, next) =>
  c.req.header("authorization") ? requireAuth(c, next) : next();

/**
 * A cart route: open to guests, a Bearer token optional (checked when sent). The document says exactly that,
 * a bearer token or nothing, so generated clients still send the token of a signed-in user.
 */
export function cartRoute<const R extends RouteDeclaration>(declaration: R) {
  const route = publicRoute({ ...declaration, middleware: [optionalAuth, ...(declaration.middleware ?? [])] });
  return { ...route, security: [{ bearerAuth: [] }, {}] };
}

/**
 * The cart a request addresses: the signed-in user's, or the guest cart named by `X-Cart-Token`. A guest without a
 * token gets a new cart and its token in the response header; a token we did not issue is 404.
 */
export async function cartOf(c: Context<AppEnv>): Promise<CartStub> {
  const principal = c.get("principal");
  if (principal) return c.env.CART.getByName(userCartName(principal.userId));
  const secret = c.get("config").CART_TOKEN_SECRET!;
  const token = c.req.header(CART_TOKEN_HEADER);
  if (token) {
    const cartId = await guestCartId(secret, token);
    if (!cartId) throw new AppError("not_found", "No cart matches this X-Cart-Token.");
    c.header(CART_TOKEN_HEADER, token);
    return c.env.CART.getByName(guestCartName(cartId));
  }
  const issued = await issueGuestToken(secret);
  c.header(CART_TOKEN_HEADER, issued.token);
  return c.env.CART.getByName(guestCartName(issued.cartId));
}

/**
 * What a cart view is priced for: the signed-in buyer (or a guest, null), the destination a query names for tax
 * (identity keeps no default address to fall back on), the marketplace currency, now.
 */
export function viewRequest(c: Context<AppEnv>, query: { country?: string; region?: string }): ViewRequest {
  return {
    buyerId: c.get("principal")?.userId ?? null,
    destination: query.country ? { country: query.country, region: query.region ?? null } : null,
    currency: MARKETPLACE_CURRENCY,
    now: Date.now(),
  };
}

/** Identity's login hook (app.ts): a guest cart sent along in `X-Cart-Token` joins the user's cart. */
export async function mergeGuestCart(c: Context<AppEnv>, userId: string): Promise<void> {
  const token = c.req.header(CART_TOKEN_HEADER);
  if (!token) return;
  const cartId = await guestCartId(c.get("config").CART_TOKEN_SECRET!, token);
  if (!cartId) return;
  const guest = c.env.CART.getByName(guestCartName(cartId));
  await mergeCarts({ stock: c.env.STOCK }, guest, c.env.CART.getByName(userCartName(userId)));
}
