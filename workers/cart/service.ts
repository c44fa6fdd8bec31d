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

interface CartLineView {
  lineId: string;
  listingId: string;
  sellerId: string | null;
  title: string | null;
  isbn13: string | null;
  condition: string | null;
  quantity: number;
  coverOption: { id: string; name: string; kind: string; price: { amount: number; currency: string } } | null;
  inscription: string | null;
  unitPrice: { amount: number; currency: string };
  priceSeen: { amount: number; currency: string };
  priceChanged: boolean;
  available: number;
  purchasable: boolean;
  lineTotal: { amount: number; currency: string };
}

interface CartView {
  lines: CartLineView[];
  sellers: { sellerId: string; storeName: string; subtotal: { amount: number; currency: string }; itemCount: number }[];
  subtotal: { amount: number; currency: string };
  itemCount: number;
}

/** The cart at current prices: price-changed flags, availability and subtotals grouped by seller. */
export async function viewCart(ctx: CartContext, lines: CartLine[], currency: string): Promise<CartView> {
  const ids = lines.map((line) => line.listingId);
  const [listings, stock] = await Promise.all([ctx.listings(ids), availability(ctx.stock, ids)]);
  const copies = new Map<string, number>();
  for (const line of lines) copies.set(line.listingId, (copies.get(line.listingId) ?? 0) + line.quantity);

  const views: CartLineView[] = lines.map((line) => {
    const listing = listings.get(line.listingId);
    const cover = listing?.coverOptions.find((option) => option.id === line.coverOptionId) ?? null;
    const unitPrice = listing?.price ?? line.priceSeen;
    const available = stock[line.listingId] ?? 0;
    const each = unitPrice.amount + (cover?.price.amount ?? 0);
    return {
      lineId: line.lineId,
      listingId: line.listingId,
      sellerId: listing?.sellerId ?? null,
      title: listing?.title ?? null,
      isbn13: listing?.isbn13 ?? null,
      condition: listing?.condition ?? null,
      quantity: line.quantity,
      coverOption: cover && { id: cover.id, name: cover.name, kind: cover.kind, price: cover.price },
      inscription: line.inscription,
      unitPrice,
      priceSeen: line.priceSeen,
      priceChanged: unitPrice.amount !== line.priceSeen.amount,
      available,
      purchasable: listing?.status === "active" && (copies.get(line.listingId) ?? 0) <= available,
      lineTotal: { amount: each * line.quantity, currency: unitPrice.currency },
    };
  });

  const sellers = new Map<string, CartView["sellers"][number]>();
  for (const view of views) {
    const listing = listings.get(view.listingId);
    if (!listing) continue;
    const entry = sellers.get(listing.sellerId) ?? {
      sellerId: listing.sellerId,
      storeName: listing.storeName,
      subtotal: { amount: 0, currency },
      itemCount: 0,
    };
    entry.subtotal.amount += view.lineTotal.amount;
    entry.itemCount += view.quantity;
    sellers.set(listing.sellerId, entry);
  }
  return {
    lines: views,
    sellers: [...sellers.values()],
    subtotal: { amount: [...sellers.values()].reduce((sum, s) => sum + s.subtotal.amount, 0), currency },
    itemCount: views.reduce((sum, view) => sum + view.quantity, 0),
  };
}

/** A guest cart joins a user's cart (same listing and cover add up, within what is available); the guest cart empties. */
export async function mergeCarts(ctx: Pick<CartContext, "stock">, guest: CartStub, into: CartStub): Promise<void> {
  const lines = await guest.lines();
  if (lines.length === 0) return;
  const stock = await availability(
    ctx.stock,
    lines.map((line) => line.listingId),
  );
  await into.merge(lines, stock);
  await guest.clear();
}
