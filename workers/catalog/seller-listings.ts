import { z } from "zod";
import { AppError } from "../http/errors";
import { decodeCursor, encodeCursor } from "../http/schemas";
import { readChunked } from "../lib/chunked";
import { readTogether } from "../platform/db";
import type { CatalogContext } from "./context";
import { type Plan, planUpdateListing, withEditionRefresh } from "./listing-plans";
import { SELLER_LISTING_SORTS, type SellerListingSort, statusFor } from "./model";
import { extrasFrom, type ListingView, listingView } from "./offers";
import type { ListingsStatusInput, SellerListingsQueryInput } from "./schemas";
import type { CoverOptionRow, PhotoRow } from "./store/listings";
import { type ListingPosition, ownListingsAmong, sellerListingPageReads, sortKeyKind } from "./store/seller-listings";

/** The seller's listings table (search, filters, sorts, pages), its low-stock list and pausing many at once. */

/** Where a page ended; a cursor without a sort (`{i}`, from before sorts existed) is a `newest` one. */
const SellerCursor = z.object({
  s: z.enum(SELLER_LISTING_SORTS).default("newest"),
  k: z.union([z.string(), z.number()]).optional(),
  i: z.string(),
});

/** The page's starting point; a cursor from another sort, or with a key of the wrong kind, is refused. */
function positionOf(sort: SellerListingSort, cursor: string | undefined): ListingPosition | undefined {
  const decoded = decodeCursor(cursor, SellerCursor);
  if (!decoded) return undefined;
  const kind = sortKeyKind(sort);
  const keyFits = kind === "none" ? decoded.k === undefined : typeof decoded.k === kind;
  if (decoded.s !== sort || !keyFits) throw new AppError("invalid_cursor");
  return { key: decoded.k, id: decoded.i };
}

function cursorAfter(sort: SellerListingSort, last: { listing: { id: string }; sortKey: string | number | null }) {
  const kind = sortKeyKind(sort);
  if (kind === "none") return encodeCursor({ s: sort, i: last.listing.id });
  const key = kind === "number" ? Number(last.sortKey) : String(last.sortKey);
  return encodeCursor({ s: sort, k: key, i: last.listing.id });
}

type PageRow = Awaited<ReturnType<typeof sellerListingPageReads>[0]>[number];

export interface SellerListingPage {
  items: ListingView[];
  nextCursor: string | null;
}

/**
 * `GET /v1/seller/listings`: one page of the seller's listings, with their cover options and photos, in one D1
 * round trip (the three reads go in one batch; on MySQL side by side).
 */
export async function listSellerListings(
  ctx: CatalogContext,
  sellerId: string,
  query: SellerListingsQueryInput,
): Promise<SellerListingPage> {
  const from = positionOf(query.sort, query.cursor);
  const filter = { q: query.q, status: query.status, conditions: query.condition, lowStock: query.lowStock };
  const [rows, options, photos] = (await readTogether(ctx.db, [
    ...sellerListingPageReads(ctx.db, sellerId, { filter, sort: query.sort, from, limit: query.limit }),
  ])) as [PageRow[], CoverOptionRow[], PhotoRow[]];
  const page = rows.slice(0, query.limit);
  const extras = extrasFrom(ctx, options, photos);
  return {
    items: page.map((row) => listingView(row.listing, row, extras(row.listing.id))),
    nextCursor: rows.length > query.limit ? cursorAfter(query.sort, page[page.length - 1]!) : null,
  };
}

/** The console dashboard's warning list: active listings at or below their low-stock threshold, fewest copies first. */
export async function lowStockListings(ctx: CatalogContext, sellerId: string, limit: number): Promise<ListingView[]> {
  const page = await listSellerListings(ctx, sellerId, {
    status: "active",
    lowStock: true,
    sort: "quantity",
    limit: Math.min(Math.max(Math.trunc(limit), 1), 100),
  });
  return page.items;
}

export interface ListingStatusResult {
  id: string;
  result: "updated" | "not_found";
  status?: ListingView["status"];
}

/**
 * `POST /v1/seller/listings/status`: pauses or resumes many listings in one batch, each with the event a single
 * change emits. Another seller's listing is `not_found` and left alone, the same as an unknown id.
 */
export async function setListingsStatus(
  ctx: CatalogContext,
  sellerId: string,
  input: ListingsStatusInput,
): Promise<{ results: ListingStatusResult[] }> {
  const ids = [...new Set(input.ids)];
  const found = new Map(
    (await readChunked(ids, (part) => ownListingsAmong(ctx.db, sellerId, part))).map((row) => [row.listing.id, row]),
  );
  const now = Date.now();
  const plans: Plan[] = [...found.values()].map(({ listing, isbn13 }) =>
    planUpdateListing(ctx, listing, isbn13, { status: input.status }, [], now),
  );
  await ctx.services.outbox.commit(
    withEditionRefresh(ctx, plans, now),
    plans.flatMap((plan) => plan.events),
  );
  return {
    results: ids.map((id): ListingStatusResult => {
      const row = found.get(id);
      if (!row) return { id, result: "not_found" };
      return { id, result: "updated", status: statusFor(input.status, row.listing.available) };
    }),
  };
}
