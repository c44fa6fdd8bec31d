import type { CatalogContext } from "./context";
import type { ListingCondition, ListingStatus } from "./model";
import { type CoverOptionView, coverOptionView } from "./offers";
import { UNKNOWN_STORE } from "./sellers";
import { ensureStock } from "./stock";
import { categoryLineageOf } from "./store/categories";
import { coverOptionsOf, listingById, listingsWithTitles } from "./store/listings";

/** What a cart (and a checkout) needs to know of a listing: who sells it, at what price, with which covers. */
export interface CartListing {
  id: string;
  sellerId: string;
  storeName: string;
  status: ListingStatus;
  /** The price in force (a sale price while one runs). */
  price: { amount: number; currency: string };
  /** The regular price while a sale price is in force, null otherwise. */
  listPrice: { amount: number; currency: string } | null;
  title: string;
  isbn13: string;
  format: "hardcover" | "paperback";
  condition: ListingCondition;
  /** The edition's categories and all their ancestors, for promotions that target categories. */
  categoryIds: string[];
  coverOptions: CoverOptionView[];
  /** The seller's location it ships from (null: the profile's country). */
  locationId: string | null;
}

/**
 * Listings by id for the cart, in two queries, with store names from identity. Listings whose stock only D1
 * knows (seeded) get their StockDO started, so the cart's stock check counts real copies.
 */
export async function cartListings(ctx: CatalogContext, ids: string[]): Promise<Map<string, CartListing>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const [rows, options] = await Promise.all([listingsWithTitles(ctx.db, unique), coverOptionsOf(ctx.db, unique)]);
  const editionIds = [...new Set(rows.map((row) => row.listing.editionId))];
  await ensureStock(
    ctx,
    rows.map((row) => row.listing),
  );
  const [names, lineage] = await Promise.all([
    ctx.sellers.storeNames([...new Set(rows.map((row) => row.listing.sellerId))]),
    categoryLineageOf(ctx.db, editionIds),
  ]);
  return new Map(
    rows.map(({ listing, isbn13, format, title }) => [
      listing.id,
      {
        id: listing.id,
        sellerId: listing.sellerId,
        storeName: names.get(listing.sellerId) ?? UNKNOWN_STORE,
        status: listing.status,
        price: { amount: listing.priceAmount, currency: listing.currency },
        listPrice:
          listing.listPriceAmount === null ? null : { amount: listing.listPriceAmount, currency: listing.currency },
        title,
        isbn13,
        format,
        condition: listing.condition,
        categoryIds: lineage.get(listing.editionId) ?? [],
        locationId: listing.locationId,
        coverOptions: options.filter((option) => option.listingId === listing.id).map(coverOptionView),
      },
    ]),
  );
}

/** What adding a listing to a cart checks: that it is for sale, its price, and the cover option chosen. */
export type ListingToAdd = Pick<CartListing, "id" | "sellerId" | "status" | "price" | "coverOptions"> & {
  editionId: string;
};

/**
 * One listing for an add to cart: the listing row by its key, and its cover options only when the add names one.
 * No store name and no book title: the add answers with neither (the cart view reads them). Like
 * `cartListings`, it starts the StockDO of a listing whose stock only D1 knows.
 */
export async function listingToAdd(
  ctx: CatalogContext,
  id: string,
  withCoverOptions: boolean,
): Promise<ListingToAdd | undefined> {
  const [listing, options] = await Promise.all([
    listingById(ctx.db, id),
    withCoverOptions ? coverOptionsOf(ctx.db, [id]) : Promise.resolve([]),
  ]);
  if (!listing) return undefined;
  await ensureStock(ctx, [listing]);
  return {
    id: listing.id,
    editionId: listing.editionId,
    sellerId: listing.sellerId,
    status: listing.status,
    price: { amount: listing.priceAmount, currency: listing.currency },
    coverOptions: options.map(coverOptionView),
  };
}
