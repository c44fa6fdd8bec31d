/** The catalog's vocabulary, shared by schemas, services and stores. */

export const LISTING_CONDITIONS = ["new", "like_new", "very_good", "good", "acceptable"] as const;
export type ListingCondition = (typeof LISTING_CONDITIONS)[number];

export const LISTING_STATUSES = ["active", "paused", "sold_out"] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export const EDITION_FORMATS = ["hardcover", "paperback"] as const;
export type EditionFormat = (typeof EDITION_FORMATS)[number];

/** A sale price moves scheduled → in_force → ended as the minute job switches the listing's price. */
export const SALE_PRICE_STATES = ["scheduled", "in_force", "ended"] as const;
export type SalePriceState = (typeof SALE_PRICE_STATES)[number];

export const COVER_OPTION_KINDS = ["material", "inscription", "artwork"] as const;
export type CoverOptionKind = (typeof COVER_OPTION_KINDS)[number];

export const BOOK_SORTS = ["relevance", "price_asc", "price_desc", "newest"] as const;

/** How a seller's listings table can be ordered; `-price` is dearest first. */
export const SELLER_LISTING_SORTS = ["newest", "oldest", "title", "price", "-price", "quantity"] as const;
export type SellerListingSort = (typeof SELLER_LISTING_SORTS)[number];

/** Longest inscription a cover option allows when the seller does not say. */
export const DEFAULT_INSCRIPTION_LENGTH = 40;

/** The bit of a condition in `editions.conditions`. */
function conditionBit(condition: ListingCondition): number {
  return 1 << LISTING_CONDITIONS.indexOf(condition);
}

export function conditionMask(conditions: readonly ListingCondition[]): number {
  return conditions.reduce((mask, condition) => mask | conditionBit(condition), 0);
}

/** A listing with copies left is active; one with none is sold out; a seller's pause wins over both. */
export function statusFor(requested: "active" | "paused", available: number): ListingStatus {
  if (requested === "paused") return "paused";
  return available > 0 ? "active" : "sold_out";
}
