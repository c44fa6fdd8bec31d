import type { Money } from "../lib/money";
import type { CatalogContext } from "./context";
import type { ListingCondition, ListingStatus } from "./model";
import { listingsWithTitles } from "./store/listings";

/** A listing with the book it is a copy of, as a notice about it shows it (low stock, a book alert). */
export interface ListedBook {
  listingId: string;
  sellerId: string;
  editionId: string;
  isbn13: string;
  title: string;
  condition: ListingCondition;
  price: Money;
  status: ListingStatus;
}

/** Listings by id with their book's ISBN and title; an unknown id is left out. */
export async function listedBooks(ctx: Pick<CatalogContext, "db">, ids: string[]): Promise<Map<string, ListedBook>> {
  const rows = await listingsWithTitles(ctx.db, [...new Set(ids)]);
  return new Map(
    rows.map(({ listing, isbn13, title }) => [
      listing.id,
      {
        listingId: listing.id,
        sellerId: listing.sellerId,
        editionId: listing.editionId,
        isbn13,
        title,
        condition: listing.condition,
        price: { amount: listing.priceAmount, currency: listing.currency },
        status: listing.status,
      },
    ]),
  );
}
