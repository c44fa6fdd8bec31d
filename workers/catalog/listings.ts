import { z } from "zod";
import { AppError } from "../http/errors";
import { decodeCursor, encodeCursor } from "../http/schemas";
import { newId } from "../lib/ids";
import type { Statement } from "../platform/db";
import type { VersionedRead } from "./books";
import { etagFor, ttlUntil } from "./cache";
import type { CatalogContext } from "./context";
import { planNewEditions } from "./editions";
import { requireIsbn } from "./isbn";
import {
  type CoverOptionInput,
  type ListingChanges,
  type Money,
  type Plan,
  planCreateListing,
  planUpdateListing,
  requireMarketplaceCurrency,
  withEditionRefresh,
} from "./listing-plans";
import { extrasOf, type ListingView, listingView } from "./offers";
import type { CreateListingInput } from "./schemas";
import { offerSeller } from "./sellers";
import { ensureStock, setListingLowStockThreshold, setListingStock, withdrawListingStock } from "./stock";
import { categoriesBySlug } from "./store/categories";
import { editionIdByIsbn, isIsbnTaken } from "./store/editions";
import {
  coverOptionsOf,
  isSkuTaken,
  listingById,
  listingsBySku,
  listingVersion,
  listingWithBook,
  priceHistory,
  type StockCopy,
  sellerListings,
  updateListing as writeListing,
} from "./store/listings";
import { highestPendingSale } from "./store/sale-prices";

/** Sellers' listings: creating, changing and pausing them, and the public listing pages. */

function checkPrices(price: Money | undefined, coverOptions: CoverOptionInput[] | undefined) {
  if (price) requireMarketplaceCurrency(price, "price");
  for (const [index, option] of (coverOptions ?? []).entries()) {
    requireMarketplaceCurrency(option.price, `coverOptions.${index}.price`);
  }
}

async function commit(ctx: CatalogContext, plan: Plan, before: Statement[] = []) {
  await ctx.services.outbox.commit([...before, ...withEditionRefresh(ctx, [plan], Date.now())], plan.events);
}

/** The seller's own listing, or 404 — another seller's listing is indistinguishable from a missing one. */
export async function ownListing(ctx: CatalogContext, sellerId: string, id: string) {
  const found = await listingWithBook(ctx.db, id);
  if (!found || found.listing.sellerId !== sellerId) throw new AppError("not_found", `No listing ${id}.`);
  return found;
}

async function viewOf(ctx: CatalogContext, id: string): Promise<ListingView> {
  const found = await listingWithBook(ctx.db, id);
  if (!found) throw new AppError("not_found", `No listing ${id}.`);
  const extras = await extrasOf(ctx, [id]);
  return listingView(found.listing, found, extras(id));
}

/**
 * A new regular price must stay above the listing's scheduled and running sale prices (422 otherwise), so no sale
 * ever shows a struck-through price lower than its own.
 */
async function requireAboveSales(ctx: CatalogContext, listingId: string, regular: number): Promise<void> {
  const highest = await highestPendingSale(ctx.db, listingId);
  if (highest !== null && regular <= highest) {
    throw new AppError(
      "sale_price_not_reduced",
      `The listing has a sale price of ${highest} scheduled or in force: its regular price must stay above it.`,
      { errors: [{ path: "price.amount", message: `must be above ${highest}` }] },
    );
  }
}

/**
 * `POST /v1/seller/listings`. A known ISBN reuses its edition; an unknown one must come with a title and
 * authors and creates the work and edition in the same batch as the listing. The copies are counted in the
 * listing's StockDO first; D1 then records the listing with the object's levels.
 */
/** A listing ships from one of its seller's own locations: anyone else's, or an unknown one, is 422. */
async function requireOwnLocation(ctx: CatalogContext, sellerId: string, locationId: string | null | undefined) {
  if (!locationId || (await ctx.sellers.ownsLocation(sellerId, locationId))) return;
  throw new AppError("unknown_location", "No such location of yours: POST /v1/seller/locations adds one.", {
    locationId,
  });
}

export async function createListing(ctx: CatalogContext, sellerId: string, input: CreateListingInput) {
  const isbn13 = requireIsbn(input.isbn);
  checkPrices(input.price, input.coverOptions);
  await requireOwnLocation(ctx, sellerId, input.locationId);
  if ((await listingsBySku(ctx.db, sellerId, [input.sku])).length > 0) {
    throw new AppError("sku_taken", `You already have a listing with SKU "${input.sku}".`);
  }
  const now = Date.now();
  const listingId = newId("lst");
  let stock: StockCopy | undefined;
  for (let attempt = 0; ; attempt++) {
    const statements: Statement[] = [];
    let edition = await editionIdByIsbn(ctx.db, isbn13);
    if (!edition) {
      if (!input.title || !input.authors?.length) {
        throw new AppError("unprocessable", `ISBN ${isbn13} is not in the catalog yet: send its title and authors.`, {
          errors: [
            ...(input.title ? [] : [{ path: "title", message: "required for a new ISBN" }]),
            ...(input.authors?.length ? [] : [{ path: "authors", message: "required for a new ISBN" }]),
          ],
        });
      }
      const categories = await categoriesBySlug(ctx.db, input.categories ?? []);
      const unknown = (input.categories ?? []).filter((slug) => !categories.some((c) => c.slug === slug));
      if (unknown.length) {
        throw new AppError("validation_failed", `Unknown categories: ${unknown.join(", ")}.`, {
          errors: [{ path: "categories", message: `unknown: ${unknown.join(", ")}` }],
        });
      }
      const planned = await planNewEditions(
        ctx,
        [
          {
            isbn13,
            title: input.title,
            authors: input.authors,
            format: input.format,
            categoryIds: categories.map((c) => c.id),
          },
        ],
        now,
      );
      statements.push(...planned.statements);
      edition = { id: planned.ids.get(isbn13)! };
    }
    stock ??= await setListingStock(ctx, listingId, input.quantity, input.lowStockThreshold ?? 0);
    const plan = planCreateListing(
      ctx,
      listingId,
      sellerId,
      { id: edition.id, isbn13 },
      input,
      input.coverOptions ?? [],
      stock,
      now,
    );
    try {
      await commit(ctx, plan, statements);
      return viewOf(ctx, plan.listingId);
    } catch (error) {
      if (isSkuTaken(error)) {
        throw new AppError("sku_taken", `You already have a listing with SKU "${input.sku}".`);
      }
      // Someone else created this ISBN's edition at the same moment: use theirs.
      if (attempt === 0 && isIsbnTaken(error)) continue;
      throw error;
    }
  }
}

/**
 * `PATCH /v1/seller/listings/{id}`: only what changes is written; a price change adds a history row (while a sale
 * price is in force the price given is the regular price, shown as `listPrice`, and the sale price stays). A new
 * quantity or low-stock threshold is set on the listing's StockDO first, which emits `StockLow` from then on.
 */
export async function updateListing(ctx: CatalogContext, sellerId: string, id: string, changes: ListingChanges) {
  checkPrices(changes.price, changes.coverOptions);
  const found = await ownListing(ctx, sellerId, id);
  await requireOwnLocation(ctx, sellerId, changes.locationId);
  if (changes.price) await requireAboveSales(ctx, id, changes.price.amount);
  const options = await coverOptionsOf(ctx.db, [id]);
  const recount = changes.quantity !== undefined && changes.quantity !== found.listing.quantity;
  const threshold = changes.lowStockThreshold ?? found.listing.lowStockThreshold;
  const stock = recount ? await setListingStock(ctx, id, changes.quantity!, threshold) : undefined;
  if (!recount && threshold !== found.listing.lowStockThreshold) {
    await setListingLowStockThreshold(ctx, found.listing, threshold);
  }
  const plan = planUpdateListing(ctx, found.listing, found.isbn13, changes, options, Date.now(), stock);
  if (plan.statements.length) await commit(ctx, plan);
  return viewOf(ctx, id);
}

/** `DELETE /v1/seller/listings/{id}`: a soft delete. The listing is paused; orders that name it keep working. */
export async function pauseListing(ctx: CatalogContext, sellerId: string, id: string): Promise<void> {
  await updateListing(ctx, sellerId, id, { status: "paused" });
}

const WITHDRAW_PAGE = 100;

/**
 * A deleted seller's listings leave the shop: each StockDO lets its holds go and keeps no copy (a payment that
 * arrives later for a held copy is refunded), and each listing is paused with no stock, off book pages and out of
 * carts and checkouts. Running it again changes nothing.
 */
async function withdrawSellerListings(ctx: CatalogContext, sellerId: string): Promise<number> {
  let withdrawn = 0;
  let after: string | undefined;
  for (;;) {
    const rows = await sellerListings(ctx.db, sellerId, { after, limit: WITHDRAW_PAGE });
    for (const { listing, isbn13 } of rows.slice(0, WITHDRAW_PAGE)) {
      const stock = await withdrawListingStock(ctx, listing.id);
      const plan = planUpdateListing(ctx, listing, isbn13, { status: "paused" }, [], Date.now(), stock);
      if (plan.statements.length) await commit(ctx, plan);
      withdrawn += 1;
    }
    if (rows.length <= WITHDRAW_PAGE) return withdrawn;
    after = rows[WITHDRAW_PAGE - 1]!.listing.id;
  }
}

/** A deleted account's listings, if it sold any, leave the shop (see `withdrawSellerListings`). */
export async function withdrawListingsOfUser(ctx: CatalogContext, userId: string): Promise<void> {
  const sellerId = await ctx.sellers.sellerIdOf(userId);
  if (sellerId) await withdrawSellerListings(ctx, sellerId);
}

/**
 * A suspended seller's listings leave the shop until the suspension is lifted: each listing on sale (active or sold
 * out) is paused and marked withheld; lifting it puts back exactly the withheld ones (not those the seller paused).
 * Stock stays as it is. Running either again changes nothing.
 */
async function holdSellerListings(ctx: CatalogContext, sellerId: string, hold: boolean): Promise<number> {
  let changed = 0;
  let after: string | undefined;
  for (;;) {
    const rows = await sellerListings(ctx.db, sellerId, { after, limit: WITHDRAW_PAGE });
    for (const { listing, isbn13 } of rows.slice(0, WITHDRAW_PAGE)) {
      const now = Date.now();
      if (hold ? listing.status === "paused" || listing.withheldAt !== null : listing.withheldAt === null) continue;
      const plan = planUpdateListing(ctx, listing, isbn13, { status: hold ? "paused" : "active" }, [], now);
      plan.statements.push(writeListing(ctx.db, listing.id, { withheldAt: hold ? now : null, updatedAt: now }));
      await commit(ctx, plan);
      changed += 1;
    }
    if (rows.length <= WITHDRAW_PAGE) return changed;
    after = rows[WITHDRAW_PAGE - 1]!.listing.id;
  }
}

/** A suspended account's listings, if it sells any, are withheld from sale (see `holdSellerListings`). */
export async function withholdListingsOfUser(ctx: CatalogContext, userId: string): Promise<void> {
  const sellerId = await ctx.sellers.sellerIdOf(userId);
  if (sellerId) await holdSellerListings(ctx, sellerId, true);
}

/** An unsuspended account's withheld listings go back on sale. */
export async function reinstateListingsOfUser(ctx: CatalogContext, userId: string): Promise<void> {
  const sellerId = await ctx.sellers.sellerIdOf(userId);
  if (sellerId) await holdSellerListings(ctx, sellerId, false);
}

export async function sellerListing(ctx: CatalogContext, sellerId: string, id: string): Promise<ListingView> {
  await ownListing(ctx, sellerId, id);
  return viewOf(ctx, id);
}

/** `GET /v1/listings/{id}`: any listing, whatever its status (past orders link to it), without seller-only fields. */
export async function publicListing(ctx: CatalogContext, id: string) {
  const current = await listingVersion(ctx.db, id);
  if (!current) throw new AppError("not_found", `No listing ${id}.`);
  const key = `listing:${id}:${current.version}`;
  return {
    etag: etagFor(key),
    read: () =>
      ctx.cache.read(key, ttlUntil(current.priceChangesAt), async () => {
        const listing = await listingById(ctx.db, id);
        if (listing) await ensureStock(ctx, [listing]);
        const [view, stores] = await Promise.all([viewOf(ctx, id), ctx.sellers.stores([current.sellerId])]);
        const { sku: _sku, quantity: _quantity, lowStockThreshold: _threshold, ...shown } = view;
        return { ...shown, seller: offerSeller(stores, view.sellerId) };
      }),
  };
}

const HistoryCursor = z.object({ h: z.string() });

export interface PricePoint {
  price: { amount: number; currency: string };
  changedAt: string;
}

/** `GET /v1/listings/{id}/price-history`: every price the listing has had, oldest first. */
export async function listingPriceHistory(
  ctx: CatalogContext,
  id: string,
  page: { limit: number; cursor?: string },
): Promise<VersionedRead<{ items: PricePoint[]; nextCursor: string | null }>> {
  const after = decodeCursor(page.cursor, HistoryCursor)?.h;
  const current = await listingVersion(ctx.db, id);
  if (!current) throw new AppError("not_found", `No listing ${id}.`);
  const key = `price-history:${id}:${current.version}:${after ?? ""}:${page.limit}`;
  return {
    etag: etagFor(key),
    read: () =>
      ctx.cache.read(key, ttlUntil(current.priceChangesAt), async () => {
        const rows = await priceHistory(ctx.db, id, { after, limit: page.limit });
        const shown = rows.slice(0, page.limit);
        return {
          items: shown.map((row) => ({
            price: { amount: row.amount, currency: row.currency },
            changedAt: new Date(row.changedAt).toISOString(),
          })),
          nextCursor: rows.length > page.limit ? encodeCursor({ h: shown[shown.length - 1]!.id }) : null,
        };
      }),
  };
}

/** The seller's own listing's prices, oldest first (the listing editor's chart); another seller's listing is 404. */
export async function sellerListingPriceHistory(
  ctx: CatalogContext,
  sellerId: string,
  id: string,
  page: { limit: number; cursor?: string },
): Promise<{ items: PricePoint[]; nextCursor: string | null }> {
  const current = await listingVersion(ctx.db, id);
  if (!current || current.sellerId !== sellerId) throw new AppError("not_found", `No listing ${id}.`);
  return (await listingPriceHistory(ctx, id, page)).read();
}
