import { AppError } from "../http/errors";
import { initializeStock, setLowStockThreshold, setStock, withdrawStock } from "../inventory";
import { atomically, type Statement } from "../platform/db";
import type { CatalogContext } from "./context";
import { bumpVersion, refreshEditionOffers } from "./store/editions";
import {
  applyStockCopy,
  type ListingRow,
  listingById,
  listingVersion,
  type StockCopy,
  sellersOfListingIds,
} from "./store/listings";

/**
 * The catalog's side of stock. A listing's StockDO (inventory module) is the only writer of its stock: the
 * catalog sets a new listing's count and a seller's recount through it, and keeps D1's copy of the levels it
 * answers with (or later announces in events).
 */

function copyOf(levels: { onHand: number; available: number; version: number }): StockCopy {
  return { onHand: levels.onHand, available: levels.available, version: levels.version };
}

/**
 * The seller's count of copies for a listing, and its low-stock threshold when given. Refused (409) below what
 * checkouts hold right now.
 */
export async function setListingStock(
  ctx: CatalogContext,
  listingId: string,
  quantity: number,
  lowThreshold?: number,
): Promise<StockCopy> {
  const result = await setStock(ctx.stock, listingId, quantity, lowThreshold);
  if (!result.ok) {
    throw new AppError(
      "conflict",
      `${result.held} ${result.held === 1 ? "copy is" : "copies are"} held by checkouts in progress; the quantity cannot go below that.`,
      { held: result.held },
    );
  }
  return copyOf(result.levels);
}

/**
 * A new low-stock threshold for a listing whose copies stay as they are. A listing whose StockDO has not started
 * takes it from D1 when it starts (`ensureStock`).
 */
export async function setListingLowStockThreshold(
  ctx: CatalogContext,
  listing: Pick<ListingRow, "id" | "stockVersion">,
  lowThreshold: number,
): Promise<void> {
  if (listing.stockVersion > 0) await setLowStockThreshold(ctx.stock, listing.id, lowThreshold);
}

/** Empties a listing's StockDO for good, releasing its holds; answers the levels D1's copy should take. */
export async function withdrawListingStock(ctx: CatalogContext, listingId: string): Promise<StockCopy> {
  return copyOf(await withdrawStock(ctx.stock, listingId));
}

/** Whose listing this is, for modules that tell a seller about its stock events (which name only the listing). */
export async function sellerOfListing(ctx: Pick<CatalogContext, "db">, listingId: string): Promise<string | undefined> {
  return (await listingVersion(ctx.db, listingId))?.sellerId;
}

/** Who sells each of these listings, by listing id (an unknown id is left out): promotions check their targets. */
export async function sellersOfListings(ctx: Pick<CatalogContext, "db">, ids: string[]): Promise<Map<string, string>> {
  const rows = await sellersOfListingIds(ctx.db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, row.sellerId]));
}

/**
 * The statements that bring a listing's D1 copy up to its StockDO's announced levels. Levels no newer than the
 * copy change nothing, so a late or repeated event is harmless.
 */
export async function followStockLevels(
  ctx: CatalogContext,
  listingId: string,
  levels: StockCopy,
): Promise<Statement[]> {
  const listing = await listingById(ctx.db, listingId);
  if (!listing || listing.stockVersion >= levels.version) return [];
  return stockCopyStatements(ctx, listing, levels, Date.now());
}

/** The statements that bring a listing's D1 copy, its edition's summary and cached lists up to `levels`. */
function stockCopyStatements(
  ctx: Pick<CatalogContext, "db">,
  listing: Pick<ListingRow, "id" | "editionId">,
  levels: StockCopy,
  now: number,
): Statement[] {
  return [
    applyStockCopy(ctx.db, listing.id, levels, now),
    refreshEditionOffers(ctx.db, listing.editionId, now),
    bumpVersion(ctx.db, "browse"),
  ];
}

/**
 * Starts the StockDO of listings whose stock only D1 knows (seeded listings: `stockVersion` 0) from their
 * D1 count, and records the object's levels. Modules about to reserve or count a listing's stock (a book
 * page, the cart) call this first; for any other listing it does nothing.
 */
export async function ensureStock(
  ctx: CatalogContext,
  rows: Pick<ListingRow, "id" | "editionId" | "quantity" | "lowStockThreshold" | "stockVersion">[],
): Promise<Map<string, StockCopy>> {
  const pending = rows.filter((row) => row.stockVersion === 0);
  const started = new Map<string, StockCopy>();
  if (pending.length === 0) return started;
  const levels = await Promise.all(
    pending.map((row) => initializeStock(ctx.stock, row.id, row.quantity, row.lowStockThreshold)),
  );
  const now = Date.now();
  const statements = pending.flatMap((row, index) => {
    started.set(row.id, copyOf(levels[index]!));
    return [applyStockCopy(ctx.db, row.id, copyOf(levels[index]!), now)];
  });
  const editions = [...new Set(pending.map((row) => row.editionId))];
  await atomically(ctx.db, [
    bumpVersion(ctx.db, "browse"),
    ...statements,
    ...editions.map((editionId) => refreshEditionOffers(ctx.db, editionId, now)),
  ]);
  return started;
}
