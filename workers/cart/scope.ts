import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { requireAuth } from "../identity";
import { availability } from "../inventory";
import type { CartStub } from "./service";
import { guestCartId, guestCartName, issueGuestToken, userCartName } from "./token";

export const CART_TOKEN_HEADER = "x-cart-token";

/** Cart routes serve signed-in users and guests: a bearer token, when sent, must be valid. */
export const optionalAuth: MiddlewareHandler<AppEnv> = (c, next) =>
  c.req.header("authorization") ? requireAuth(c, next) : next();

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

/** At login: a guest cart sent along in `X-Cart-Token` joins the user's cart (same listing and cover add up). */
export async function mergeGuestCart(c: Context<AppEnv>, userId: string): Promise<void> {
  const token = c.req.header(CART_TOKEN_HEADER);
  if (!token) return;
  const cartId = await guestCartId(c.get("config").CART_TOKEN_SECRET!, token);
  if (!cartId) return;
  const guest = c.env.CART.getByName(guestCartName(cartId));
  const lines = await guest.lines();
  if (lines.length === 0) return;
  const stock = await availability(
    c.env.STOCK,
    lines.map((line) => line.listingId),
  );
  await c.env.CART.getByName(userCartName(userId)).merge(lines, stock);
  await guest.clear();
}
