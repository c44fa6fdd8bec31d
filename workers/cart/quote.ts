import type { CartListing } from "../catalog";
import type { Logger } from "../lib/log";
import type { Services } from "../platform/services";
import { type AppliedPromotion, type LineDiscount, type Pricing, priceLines, type RefusedCode } from "../promotions";
import { addTaxLines, type Destination, ratesFor, sellerOrderTax, type TaxLine, taxTotal } from "../tax";

/**
 * What a cart comes to: each line's books and covers, the promotions' discounts on it, each seller's part with
 * shipping (when known), who funds the discounts and the tax per rate. The cart view and the checkout both
 * quote through here, so what the buyer is shown is what the order charges.
 */

export interface QuoteLine {
  lineId: string;
  listing: CartListing;
  quantity: number;
  /** The chosen cover option's price of one copy (0 without one). */
  coverPrice: number;
}

export interface QuoteRequest {
  /** Null for a guest's cart. */
  buyerId: string | null;
  lines: QuoteLine[];
  codes: string[];
  now: number;
  /** Where it ships, for tax; null quotes no tax. */
  destination: Destination | null;
  /** Each seller's shipping charge, once the address and method are known (checkout). */
  shipping?: Map<string, number>;
}

export interface QuotedLine {
  lineId: string;
  listingId: string;
  sellerId: string;
  itemsTotal: number;
  coversTotal: number;
  discounts: LineDiscount[];
  discountTotal: number;
  /** What the buyer pays for the line: books + covers − discounts. */
  lineTotal: number;
}

export interface QuotedSeller {
  sellerId: string;
  itemsTotal: number;
  coversTotal: number;
  shippingTotal: number;
  discountTotal: number;
  sellerFundedDiscount: number;
  platformFundedDiscount: number;
  taxLines: TaxLine[];
  tax: number;
  /** What the buyer pays for this seller's part. */
  total: number;
  /** What the seller's part earns before fees: the total plus the discounts the marketplace funds. */
  proceeds: number;
}

export interface Quote {
  lines: Map<string, QuotedLine>;
  sellers: Map<string, QuotedSeller>;
  applied: AppliedPromotion[];
  refused: RefusedCode[];
  itemsTotal: number;
  coversTotal: number;
  shippingTotal: number;
  discountTotal: number;
  sellerFundedDiscount: number;
  taxLines: TaxLine[];
  tax: number;
  total: number;
  /** False when no destination was given: `taxLines` is empty then, not zero tax. */
  taxed: boolean;
}

const sum = <T>(items: Iterable<T>, pick: (item: T) => number) => {
  let total = 0;
  for (const item of items) total += pick(item);
  return total;
};

function quotedLines(lines: QuoteLine[], pricing: Pricing): Map<string, QuotedLine> {
  return new Map(
    lines.map((line) => {
      const discounts = pricing.discounts.get(line.lineId) ?? [];
      const itemsTotal = line.listing.price.amount * line.quantity;
      const coversTotal = line.coverPrice * line.quantity;
      const discountTotal = sum(discounts, (discount) => discount.amount);
      return [
        line.lineId,
        {
          lineId: line.lineId,
          listingId: line.listing.id,
          sellerId: line.listing.sellerId,
          itemsTotal,
          coversTotal,
          discounts,
          discountTotal,
          lineTotal: itemsTotal + coversTotal - discountTotal,
        },
      ];
    }),
  );
}

export async function quoteCart(ctx: { services: Services; log: Logger }, request: QuoteRequest): Promise<Quote> {
  const [pricing, rates] = await Promise.all([
    priceLines(ctx, {
      buyerId: request.buyerId,
      codes: request.codes,
      now: request.now,
      lines: request.lines.map((line) => ({
        lineId: line.lineId,
        listingId: line.listing.id,
        sellerId: line.listing.sellerId,
        quantity: line.quantity,
        unitPrice: line.listing.price.amount,
        coverPrice: line.coverPrice,
        categoryIds: line.listing.categoryIds,
        condition: line.listing.condition,
        format: line.listing.format,
      })),
    }),
    request.destination ? ratesFor(ctx.services, request.destination) : Promise.resolve(null),
  ]);
  const lines = quotedLines(request.lines, pricing);

  const sellers = new Map<string, QuotedSeller>();
  for (const sellerId of new Set(request.lines.map((line) => line.listing.sellerId))) {
    const own = [...lines.values()].filter((line) => line.sellerId === sellerId);
    const discounts = own.flatMap((line) => line.discounts);
    const shippingTotal = request.shipping?.get(sellerId) ?? 0;
    const discountTotal = sum(discounts, (discount) => discount.amount);
    const sellerFundedDiscount = sum(
      discounts.filter((discount) => discount.fundedBy === "seller"),
      (discount) => discount.amount,
    );
    const taxLines = rates
      ? sellerOrderTax(
          own.map((line) => ({ booksPaid: line.itemsTotal - line.discountTotal, coversPaid: line.coversTotal })),
          shippingTotal,
          rates,
        )
      : [];
    const total = sum(own, (line) => line.lineTotal) + shippingTotal;
    sellers.set(sellerId, {
      sellerId,
      itemsTotal: sum(own, (line) => line.itemsTotal),
      coversTotal: sum(own, (line) => line.coversTotal),
      shippingTotal,
      discountTotal,
      sellerFundedDiscount,
      platformFundedDiscount: discountTotal - sellerFundedDiscount,
      taxLines,
      tax: taxTotal(taxLines),
      total,
      proceeds: total + discountTotal - sellerFundedDiscount,
    });
  }
  const parts = [...sellers.values()];
  const taxLines = addTaxLines(parts.map((part) => part.taxLines));
  return {
    lines,
    sellers,
    applied: pricing.applied,
    refused: pricing.refused,
    itemsTotal: sum(parts, (part) => part.itemsTotal),
    coversTotal: sum(parts, (part) => part.coversTotal),
    shippingTotal: sum(parts, (part) => part.shippingTotal),
    discountTotal: sum(parts, (part) => part.discountTotal),
    sellerFundedDiscount: sum(parts, (part) => part.sellerFundedDiscount),
    taxLines,
    tax: taxTotal(taxLines),
    total: sum(parts, (part) => part.total),
    taxed: rates !== null,
  };
}
