import { newId } from "../lib/ids";
import { base64url, hmacSha256, timingSafeEqual } from "../lib/tokens";

/** Guest carts are addressed by `crt_<id>.<signature>`: a forged or altered token never reaches a cart. */
async function sign(secret: string, cartId: string): Promise<string> {
  return base64url(await hmacSha256(secret, cartId));
}

export async function issueGuestToken(secret: string): Promise<{ cartId: string; token: string }> {
  const cartId = newId("crt");
  return { cartId, token: `${cartId}.${await sign(secret, cartId)}` };
}

/** The guest cart id a token names, or null when the token was not issued by us. */
export async function guestCartId(secret: string, token: string): Promise<string | null> {
  const [cartId, signature, ...rest] = token.split(".");
  if (!cartId || !signature || rest.length > 0 || !/^crt_[0-9a-f]{32}$/.test(cartId)) return null;
  return timingSafeEqual(signature, await sign(secret, cartId)) ? cartId : null;
}

export const userCartName = (userId: string) => `user:${userId}`;
export const guestCartName = (cartId: string) => `guest:${cartId}`;
