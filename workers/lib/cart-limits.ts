/**
 * A cart holds at most this many promotion codes: past it, entering another is refused (422 `too_many_codes`).
 * Kept apart from the cart object (`durable-objects/cart.ts`), which the read server on Bun and Deno cannot load.
 */
export const MAX_CART_CODES = 5;
