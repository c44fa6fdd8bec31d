import type { CartLine } from "../../durable-objects/cart";
import type { CartListing } from "../catalog";
import { AppError } from "../http/errors";
import { availability } from "../inventory";
import type { CartContext } from "./context";
import { userCartName } from "./token";

export type CartStub = DurableObjectStub<import("../../durable-objects/cart").CartDO>;

/** What a signed-in buyer's cart holds now, for modules that look at it (the abandoned-cart reminder). */
export async function userCartLines(carts: Env["CART"], userId: string): Promise<CartLine[]> {
  return carts.getByName(userCartName(userId)).lines();
}

interface AddToCart {
  listingId: string;
  quantity: number;
  coverOptionId?: string;
  inscription?: string;
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]+$/u;

/** Checks the listing can be bought with that cover choice; the stock check happens in the cart object. */
export function checkChoice(
  listing: Pick<CartListing, "id" | "status" | "coverOptions"> | undefined,
  choice: Omit<AddToCart, "quantity">,
) {
  if (!listing) throw new AppError("not_found", "No such listing.");
  if (listing.status !== "active") {
    throw new AppError("listing_unavailable", "This listing is not for sale at the moment.", { listingId: listing.id });
  }
  const cover = choice.coverOptionId
    ? listing.coverOptions.find((option) => option.id === choice.coverOptionId)
    : undefined;
  if (choice.coverOptionId && !cover)
    throw new AppError("not_found", "That cover option does not belong to this listing.");
  if (choice.inscription !== undefined) {
    if (cover?.kind !== "inscription") {
      throw new AppError("invalid_inscription", "An inscription needs a cover option of kind inscription.");
    }
    const maxLength = cover.maxLength ?? 40;
    if ([...choice.inscription].length > maxLength) {
      throw new AppError("invalid_inscription", `The inscription can be at most ${maxLength} characters.`, {
        maxLength,
      });
    }
    if (!PRINTABLE.test(choice.inscription)) {
      throw new AppError("invalid_inscription", "The inscription can hold printable characters only.");
    }
  }
  if (cover?.kind === "inscription" && !choice.inscription?.trim()) {
    throw new AppError("invalid_inscription", "This cover option needs the inscription text.");
  }
  return cover ?? null;
}

function shortfall(listingId: string, available: number, inCart: number): AppError {
  return new AppError(
    "insufficient_stock",
    `Only ${available} ${available === 1 ? "copy is" : "copies are"} available (${inCart} already in the cart).`,
    { listingId, available, inCart },
  );
}

export async function addToCart(ctx: CartContext, cart: CartStub, request: AddToCart): Promise<CartLine> {
  const listing = await ctx.listingToAdd(request.listingId, request.coverOptionId !== undefined);
  checkChoice(listing, request);
  const available = (await availability(ctx.stock, [request.listingId]))[request.listingId] ?? 0;
  const result = await cart.add(
    {
      listingId: request.listingId,
      quantity: request.quantity,
      coverOptionId: request.coverOptionId ?? null,
      inscription: request.inscription ?? null,
      priceSeen: listing!.price,
    },
    available,
    listing!.editionId,
  );
  if (result.ok) return result.line;
  if (result.reason === "insufficient_stock") throw shortfall(result.listingId, result.available, result.inCart);
  if (result.reason === "cart_full") {
    throw new AppError("cart_full", `A cart holds at most ${result.maxLines} lines; check out or remove one first.`, {
      maxLines: result.maxLines,
    });
  }
  throw new AppError("not_found", "No such cart line.");
}

export async function changeQuantity(
  ctx: CartContext,
  cart: CartStub,
  lineId: string,
  quantity: number,
): Promise<CartLine> {
  const line = (await cart.lines()).find((existing) => existing.lineId === lineId);
  if (!line) throw new AppError("not_found", "No such cart line.");
  const available = (await availability(ctx.stock, [line.listingId]))[line.listingId] ?? 0;
  const result = await cart.setQuantity(lineId, quantity, available);
  if (result.ok) return result.line;
  if (result.reason === "insufficient_stock") throw shortfall(result.listingId, result.available, result.inCart);
  throw new AppError("not_found", "No such cart line.");
}

/**
 * A guest cart joins a user's cart (same listing and cover add up, within what is available; the guest's promotion
 * codes follow the user's own); the guest cart empties.
 */
export async function mergeCarts(ctx: Pick<CartContext, "stock">, guest: CartStub, into: CartStub): Promise<void> {
  const { lines, codes } = await guest.contents();
  if (lines.length === 0 && codes.length === 0) return;
  const stock = await availability(
    ctx.stock,
    lines.map((line) => line.listingId),
  );
  await into.merge(lines, stock, codes);
  await guest.clear();
}
