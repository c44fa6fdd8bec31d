import { AppError } from "../http/errors";
import { MAX_CART_CODES } from "../lib/cart-limits";
import { normaliseCode } from "../promotions";
import type { CartContext } from "./context";
import { refusalError } from "./refusals";
import type { CartStub } from "./service";
import { appliedCodes, type CartView, pricedCart, type ViewRequest, viewCart } from "./view";

/** Promotion codes in the cart: kept only while they apply when entered; whether they still do, each view says. */

const tooManyCodes = (maxCodes: number) =>
  new AppError("too_many_codes", `A cart holds at most ${maxCodes} promotion codes; remove one first.`, { maxCodes });

/**
 * Prices the cart with the code after those already entered; a code that does not apply is refused with its
 * reason (422) and not kept, and one already kept is answered as it stands (applied: 200; no longer: 422).
 */
export async function enterCode(
  ctx: CartContext,
  cart: CartStub,
  code: string,
  request: ViewRequest,
): Promise<CartView> {
  const entered = normaliseCode(code);
  const contents = await cart.contents();
  const kept = contents.codes.includes(entered);
  if (!kept && contents.codes.length >= MAX_CART_CODES) throw tooManyCodes(MAX_CART_CODES);
  const codes = kept ? contents.codes : [...contents.codes, entered];
  const { view, quote } = await pricedCart(ctx, { ...contents, codes }, request);
  const applied = appliedCodes(quote);
  if (!applied.includes(entered)) {
    const refused = quote.refused.find((entry) => entry.code === entered);
    throw refusalError(refused ?? { code: entered, reason: "promotion_not_applicable" }, request.currency, applied);
  }
  if (!kept) {
    const result = await cart.addCode(entered);
    if (!result.ok) throw tooManyCodes(result.maxCodes);
  }
  return view;
}

/** Takes a code out of the cart; a code the cart does not hold is 404. */
export async function removeCode(
  ctx: CartContext,
  cart: CartStub,
  code: string,
  request: ViewRequest,
): Promise<CartView> {
  const entered = normaliseCode(code);
  if (!(await cart.removeCode(entered))) {
    throw new AppError("not_found", `This cart holds no promotion code ${entered}.`, { promotionCode: entered });
  }
  return viewCart(ctx, await cart.contents(), request);
}
