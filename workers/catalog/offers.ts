import { type CatalogContext, mediaUrl } from "./context";
import type { CoverOptionKind, ListingCondition, ListingStatus } from "./model";
import { type OfferSeller, offerSeller } from "./sellers";
import { ensureStock } from "./stock";
import {
  activeOffers,
  type CoverOptionRow,
  coverOptionsOf,
  coverOptionsOfOffers,
  type ListingRow,
  type PhotoRow,
  photosOf,
  photosOfOffers,
} from "./store/listings";

/** How listings, their cover options and photos are shown, on a book page and on listing pages. */

export interface CoverOptionView {
  id: string;
  name: string;
  kind: CoverOptionKind;
  price: { amount: number; currency: string };
  maxLength: number | null;
}

export interface PhotoView {
  id: string;
  url: string;
  contentType: string;
}

export function coverOptionView(row: CoverOptionRow): CoverOptionView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    price: { amount: row.priceAmount, currency: row.currency },
    maxLength: row.maxLength,
  };
}

export function photoView(
  ctx: Pick<CatalogContext, "publicBaseUrl">,
  row: Pick<PhotoRow, "id" | "key" | "contentType">,
): PhotoView {
  return { id: row.id, url: mediaUrl(ctx, row.key)!, contentType: row.contentType };
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row)) ?? [];
    list.push(row);
    out.set(key(row), list);
  }
  return out;
}

/** Cover options and photos of several listings, fetched together. */
export async function extrasOf(ctx: CatalogContext, listingIds: string[]) {
  const [options, photos] = await Promise.all([coverOptionsOf(ctx.db, listingIds), photosOf(ctx.db, listingIds)]);
  return extrasFrom(ctx, options, photos);
}

/** The cover options and photos of listings, by listing id, from rows read already (in their order). */
export function extrasFrom(ctx: CatalogContext, options: CoverOptionRow[], photos: PhotoRow[]) {
  const optionsBy = groupBy(options, (row) => row.listingId);
  const photosBy = groupBy(photos, (row) => row.listingId);
  return (listingId: string) => ({
    coverOptions: (optionsBy.get(listingId) ?? []).map(coverOptionView),
    photos: (photosBy.get(listingId) ?? []).map((row) => photoView(ctx, row)),
  });
}

/** A listing's prices as shown: the price in force, and while a sale runs the regular price and the sale's end. */
export interface PricesShown {
  price: { amount: number; currency: string };
  listPrice: { amount: number; currency: string } | null;
  saleEndsAt: string | null;
}

/** While a sale is in force the listing's next price switch is its end (sales never overlap). */
export function pricesShown(
  row: Pick<ListingRow, "priceAmount" | "listPriceAmount" | "priceChangesAt" | "currency">,
): PricesShown {
  const onSale = row.listPriceAmount !== null;
  return {
    price: { amount: row.priceAmount, currency: row.currency },
    listPrice: onSale ? { amount: row.listPriceAmount!, currency: row.currency } : null,
    saleEndsAt: onSale && row.priceChangesAt !== null ? new Date(row.priceChangesAt).toISOString() : null,
  };
}

interface OfferView extends PricesShown {
  listingId: string;
  seller: OfferSeller & { id: string };
  condition: ListingCondition;
  conditionNotes: string | null;
  available: number;
  coverOptions: CoverOptionView[];
  photos: PhotoView[];
}

/** What `offerReads` answer: an edition's buyable listings, their cover options and their photos. */
export type OfferRows = [ListingRow[], CoverOptionRow[], PhotoRow[]];

/**
 * The reads behind an edition's offers, to send in one `readTogether` (with the rest of a book page's reads):
 * its buyable listings, their cover options and their photos.
 */
export function offerReads(ctx: CatalogContext, editionId: string) {
  return [
    activeOffers(ctx.db, editionId),
    coverOptionsOfOffers(ctx.db, editionId),
    photosOfOffers(ctx.db, editionId),
  ] as const;
}

/**
 * An edition's buyable offers from `offerReads`, cheapest first, with store names from the identity module.
 * Offers whose StockDO was never started (seeded listings) are started here, before anyone can put them in a cart.
 */
export async function offersFrom(ctx: CatalogContext, [listed, options, photos]: OfferRows): Promise<OfferView[]> {
  const started = await ensureStock(ctx, listed);
  const rows = listed
    .map((row) => {
      const levels = started.get(row.id);
      return levels ? { ...row, quantity: levels.onHand, available: levels.available } : row;
    })
    .filter((row) => row.available > 0);
  const stores = await ctx.sellers.stores([...new Set(rows.map((row) => row.sellerId))]);
  const extras = extrasFrom(ctx, options, photos);
  return rows.map((row) => ({
    listingId: row.id,
    seller: offerSeller(stores, row.sellerId),
    condition: row.condition,
    conditionNotes: row.conditionNotes,
    ...pricesShown(row),
    available: row.available,
    ...extras(row.id),
  }));
}

export interface ListingView extends PricesShown {
  id: string;
  sellerId: string;
  isbn13: string;
  title: string;
  authors: string[];
  sku: string;
  condition: ListingCondition;
  conditionNotes: string | null;
  quantity: number;
  available: number;
  status: ListingStatus;
  lowStockThreshold: number;
  locationId: string | null;
  coverOptions: CoverOptionView[];
  photos: PhotoView[];
  createdAt: string;
  updatedAt: string;
}

/** The seller's view of a listing (SKU and stocked quantity included). */
export function listingView(
  row: ListingRow,
  book: { isbn13: string; title: string; authors: string[] },
  extras: Pick<ListingView, "coverOptions" | "photos">,
): ListingView {
  return {
    id: row.id,
    sellerId: row.sellerId,
    isbn13: book.isbn13,
    title: book.title,
    authors: book.authors,
    sku: row.sku,
    condition: row.condition,
    conditionNotes: row.conditionNotes,
    ...pricesShown(row),
    quantity: row.quantity,
    available: row.available,
    status: row.status,
    lowStockThreshold: row.lowStockThreshold,
    locationId: row.locationId,
    ...extras,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
