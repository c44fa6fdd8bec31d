import type { CartContents, CartLine } from "../../durable-objects/cart";
import type { CartListing } from "../catalog";
import { availability } from "../inventory";
import type { Money } from "../lib/money";
import type { Offer, Refusal } from "../promotions";
import type { Destination } from "../tax";
import type { CartContext } from "./context";
import { type Quote, type QuoteLine, quoteCart } from "./quote";
import { refusalDetail } from "./refusals";

/** Whose cart is viewed, where it would ship (for tax) and when: what its prices, promotions and tax depend on. */
export interface ViewRequest {
  /** Null for a guest's cart: per-buyer limits wait for the checkout. */
  buyerId: string | null;
  destination: Destination | null;
  currency: string;
  now: number;
}

interface LineDiscountView {
  promotionId: string;
  code: string | null;
  name: string;
  fundedBy: "seller" | "platform";
  amount: Money;
}

interface CartLineView {
  lineId: string;
  listingId: string;
  sellerId: string | null;
  title: string | null;
  isbn13: string | null;
  condition: string | null;
  quantity: number;
  coverOption: { id: string; name: string; kind: string; price: Money } | null;
  inscription: string | null;
  unitPrice: Money;
  priceSeen: Money;
  priceChanged: boolean;
  available: number;
  purchasable: boolean;
  /** Before discounts, as clients have always read it. */
  lineTotal: Money;
  discounts: LineDiscountView[];
  discountTotal: Money;
  /** After discounts. */
  total: Money;
}

interface SellerView {
  sellerId: string;
  storeName: string;
  subtotal: Money;
  itemCount: number;
  discountTotal: Money;
  sellerFundedDiscount: Money;
  platformFundedDiscount: Money;
  total: Money;
}

interface AppliedPromotionView {
  promotionId: string;
  code: string | null;
  name: string;
  kind: Offer["kind"];
  fundedBy: "seller" | "platform";
  sellerId: string | null;
  amount: Money;
}

interface CodeView {
  code: string;
  applied: boolean;
  reason: Refusal | null;
  detail: string | null;
}

interface TaxView {
  country: string;
  region: string | null;
  lines: { taxClass: "books" | "standard"; rate: number; name: string; taxable: Money; tax: Money }[];
  total: Money;
}

export interface CartView {
  lines: CartLineView[];
  sellers: SellerView[];
  subtotal: Money;
  itemCount: number;
  promotions: AppliedPromotionView[];
  codes: CodeView[];
  discountTotal: Money;
  total: Money;
  tax: TaxView | null;
}

/** The lines the quote prices: those whose listing the catalog still knows, with their cover's price. */
function quoteLines(lines: CartLine[], listings: Map<string, CartListing>): QuoteLine[] {
  return lines.flatMap((line) => {
    const listing = listings.get(line.listingId);
    if (!listing) return [];
    const cover = listing.coverOptions.find((option) => option.id === line.coverOptionId);
    return [{ lineId: line.lineId, listing, quantity: line.quantity, coverPrice: cover?.price.amount ?? 0 }];
  });
}

/** The codes that applied, in the order they did: what a code that does not stack is refused against. */
export const appliedCodes = (quote: Quote) =>
  quote.applied.flatMap(({ offer }) => (offer.code === null ? [] : [offer.code]));

function codeViews(codes: string[], quote: Quote, currency: string): CodeView[] {
  const applied = appliedCodes(quote);
  return codes.map((code) => {
    if (applied.includes(code)) return { code, applied: true, reason: null, detail: null };
    const refused = quote.refused.find((entry) => entry.code === code) ?? {
      code,
      reason: "promotion_not_applicable" as const,
    };
    return { code, applied: false, reason: refused.reason, detail: refusalDetail(refused, currency, applied) };
  });
}

function taxView(quote: Quote, destination: Destination | null, currency: string): TaxView | null {
  if (!destination) return null;
  const money = (amount: number) => ({ amount, currency });
  return {
    country: destination.country,
    region: destination.region || null,
    lines: quote.taxLines.map((line) => ({
      taxClass: line.taxClass,
      rate: line.rate,
      name: line.name,
      taxable: money(line.taxable),
      tax: money(line.tax),
    })),
    total: money(quote.tax),
  };
}

/**
 * The cart at current prices, with the quote behind it: price-changed flags, availability, subtotals grouped by
 * seller, every promotion's discount on the lines it touched and per seller, the codes entered and whether they
 * apply, and the tax per rate where it would ship (shipping itself is quoted at checkout).
 */
export async function pricedCart(
  ctx: CartContext,
  { lines, codes }: CartContents,
  request: ViewRequest,
): Promise<{ view: CartView; quote: Quote }> {
  const { currency } = request;
  const money = (amount: number) => ({ amount, currency });
  const ids = lines.map((line) => line.listingId);
  const [[listings, quote], stock] = await Promise.all([
    ctx.listings(ids).then(
      async (listings) =>
        [
          listings,
          await quoteCart(ctx, {
            buyerId: request.buyerId,
            lines: quoteLines(lines, listings),
            codes,
            now: request.now,
            destination: request.destination,
          }),
        ] as const,
    ),
    availability(ctx.stock, ids),
  ]);
  const copies = new Map<string, number>();
  for (const line of lines) copies.set(line.listingId, (copies.get(line.listingId) ?? 0) + line.quantity);

  const views: CartLineView[] = lines.map((line) => {
    const listing = listings.get(line.listingId);
    const cover = listing?.coverOptions.find((option) => option.id === line.coverOptionId) ?? null;
    const unitPrice = listing?.price ?? line.priceSeen;
    const available = stock[line.listingId] ?? 0;
    const each = unitPrice.amount + (cover?.price.amount ?? 0);
    const quoted = quote.lines.get(line.lineId);
    const discountTotal = quoted?.discountTotal ?? 0;
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
      discounts: (quoted?.discounts ?? []).map((discount) => ({ ...discount, amount: money(discount.amount) })),
      discountTotal: money(discountTotal),
      total: { amount: each * line.quantity - discountTotal, currency: unitPrice.currency },
    };
  });

  const sellers = new Map<string, SellerView>();
  for (const view of views) {
    const listing = listings.get(view.listingId);
    if (!listing) continue;
    const part = quote.sellers.get(listing.sellerId);
    const entry = sellers.get(listing.sellerId) ?? {
      sellerId: listing.sellerId,
      storeName: listing.storeName,
      subtotal: money(0),
      itemCount: 0,
      discountTotal: money(part?.discountTotal ?? 0),
      sellerFundedDiscount: money(part?.sellerFundedDiscount ?? 0),
      platformFundedDiscount: money(part?.platformFundedDiscount ?? 0),
      total: money(0),
    };
    entry.subtotal.amount += view.lineTotal.amount;
    entry.total.amount += view.total.amount;
    entry.itemCount += view.quantity;
    sellers.set(listing.sellerId, entry);
  }
  const subtotal = [...sellers.values()].reduce((sum, seller) => sum + seller.subtotal.amount, 0);
  const view: CartView = {
    lines: views,
    sellers: [...sellers.values()],
    subtotal: money(subtotal),
    itemCount: views.reduce((sum, line) => sum + line.quantity, 0),
    promotions: quote.applied.map(({ offer, amount }) => ({
      promotionId: offer.id,
      code: offer.code,
      name: offer.name,
      kind: offer.kind,
      fundedBy: offer.fundedBy,
      sellerId: offer.sellerId,
      amount: money(amount),
    })),
    codes: codeViews(codes, quote, currency),
    discountTotal: money(quote.discountTotal),
    total: money(subtotal - quote.discountTotal),
    tax: taxView(quote, request.destination, currency),
  };
  return { view, quote };
}

/** The cart view alone, as every cart route answers it. */
export async function viewCart(ctx: CartContext, contents: CartContents, request: ViewRequest): Promise<CartView> {
  return (await pricedCart(ctx, contents, request)).view;
}
