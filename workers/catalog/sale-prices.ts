import { z } from "zod";
import { AppError } from "../http/errors";
import { decodeCursor, encodeCursor } from "../http/schemas";
import { newId } from "../lib/ids";
import { changes } from "../platform/db";
import type { CatalogContext } from "./context";
import { type Plan, requireMarketplaceCurrency, withEditionRefresh } from "./listing-plans";
import { ownListing } from "./listings";
import type { SalePriceState } from "./model";
import { endSaleNow } from "./price-switch";
import { wholeMinute } from "./sale-timeline";
import type { SalePriceInput } from "./schemas";
import { bumpListingVersion, type ListingRow } from "./store/listings";
import {
  deleteScheduledSale,
  insertSalePrice,
  isSaleOverlap,
  overlappingSale,
  reschedulePriceSwitch,
  type SalePriceRow,
  salePriceOf,
  salePricesOf,
} from "./store/sale-prices";

/**
 * Sellers' scheduled sale prices: planning, listing and withdrawing them. The minute job (`price-switch.ts`) puts
 * them in force and takes them out; here the listing only learns when its next switch is due.
 */

/** How far in the past a sale may start: a form filled in at 10:00:40 for "now" may arrive a little later. */
const START_GRACE_MS = 60_000;

export interface SalePriceView {
  id: string;
  listingId: string;
  price: { amount: number; currency: string };
  from: string;
  until: string;
  state: SalePriceState;
  createdAt: string;
}

function salePriceView(row: SalePriceRow, currency: string): SalePriceView {
  return {
    id: row.id,
    listingId: row.listingId,
    price: { amount: row.amount, currency },
    from: new Date(row.startsAt).toISOString(),
    until: new Date(row.endsAt).toISOString(),
    state: row.state,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

const overlap = (clash: SalePriceRow | undefined) =>
  new AppError("sale_price_overlap", "The listing has another sale price scheduled or in force at that time.", {
    ...(clash ? { salePriceId: clash.id } : {}),
  });

/**
 * A write to a listing's sales: the listing's row is locked first (its version bumped, so a price switch read
 * before it holds back), then its next switch is worked out from its sales as they are after the write, and its
 * edition refreshed, which carries the next switch to the cached pages' lifetimes.
 */
function salesPlan(ctx: CatalogContext, listing: ListingRow, write: Plan["statements"], now: number): Plan {
  return {
    statements: [bumpListingVersion(ctx.db, listing.id, now), ...write, reschedulePriceSwitch(ctx.db, listing.id)],
    events: [],
    editions: [listing.editionId],
  };
}

async function commitSales(ctx: CatalogContext, plan: Plan, now: number): Promise<unknown[]> {
  return ctx.services.outbox.commit(withEditionRefresh(ctx, [plan], now), plan.events);
}

/**
 * `POST /v1/seller/listings/{id}/sale-prices`: a sale price from `from` until `until`, both rounded down to the
 * minute. It takes effect at the first run of the minute job at or after `from`, like any change of price.
 */
export async function scheduleSalePrice(
  ctx: CatalogContext,
  sellerId: string,
  listingId: string,
  input: SalePriceInput,
  now = Date.now(),
): Promise<SalePriceView> {
  const { listing } = await ownListing(ctx, sellerId, listingId);
  requireMarketplaceCurrency(input.price, "price");
  const from = Date.parse(input.from);
  if (from < now - START_GRACE_MS) {
    throw new AppError("validation_failed", "A sale cannot start in the past.", {
      errors: [{ path: "from", message: "must not be more than a minute in the past" }],
    });
  }
  const startsAt = wholeMinute(from);
  const endsAt = wholeMinute(Date.parse(input.until));
  if (endsAt <= startsAt) {
    throw new AppError("validation_failed", "A sale must end at least a minute after it starts.", {
      errors: [{ path: "until", message: "must be at least a whole minute after from" }],
    });
  }
  const regular = listing.listPriceAmount ?? listing.priceAmount;
  if (input.price.amount >= regular) {
    throw new AppError("sale_price_not_reduced", `The sale price must be below the regular price (${regular}).`, {
      errors: [{ path: "price.amount", message: `must be below ${regular}` }],
    });
  }
  const clash = await overlappingSale(ctx.db, listing.id, startsAt, endsAt);
  if (clash) throw overlap(clash);
  const row: SalePriceRow = {
    id: newId("lsp"),
    listingId: listing.id,
    amount: input.price.amount,
    startsAt,
    endsAt,
    state: "scheduled",
    createdAt: now,
  };
  try {
    await commitSales(ctx, salesPlan(ctx, listing, [insertSalePrice(ctx.db, row)], now), now);
  } catch (error) {
    if (isSaleOverlap(error)) throw overlap(await overlappingSale(ctx.db, listing.id, startsAt, endsAt));
    throw error;
  }
  return salePriceView(row, listing.currency);
}

const SaleCursor = z.object({ s: z.number().int(), i: z.string() });

/** `GET /v1/seller/listings/{id}/sale-prices`: the listing's sales, scheduled, in force and ended, latest start first. */
export async function listSalePrices(
  ctx: CatalogContext,
  sellerId: string,
  listingId: string,
  page: { limit: number; cursor?: string },
): Promise<{ items: SalePriceView[]; nextCursor: string | null }> {
  const { listing } = await ownListing(ctx, sellerId, listingId);
  const position = decodeCursor(page.cursor, SaleCursor);
  const rows = await salePricesOf(ctx.db, listingId, {
    after: position ? { startsAt: position.s, id: position.i } : undefined,
    limit: page.limit,
  });
  const shown = rows.slice(0, page.limit);
  const last = shown[shown.length - 1];
  return {
    items: shown.map((row) => salePriceView(row, listing.currency)),
    nextCursor: rows.length > page.limit && last ? encodeCursor({ s: last.startsAt, i: last.id }) : null,
  };
}

/**
 * `DELETE /v1/seller/listings/{id}/sale-prices/{salePriceId}`: a scheduled sale is withdrawn; the one in force
 * ends now, and the regular price is back at once (not at the next minute). An ended one stays as it was.
 */
export async function removeSalePrice(
  ctx: CatalogContext,
  sellerId: string,
  listingId: string,
  salePriceId: string,
  now = Date.now(),
): Promise<void> {
  const { listing } = await ownListing(ctx, sellerId, listingId);
  const sale = await salePriceOf(ctx.db, listingId, salePriceId);
  if (!sale) throw new AppError("not_found", `No sale price ${salePriceId} on listing ${listingId}.`);
  if (sale.state === "ended") return;
  if (sale.state === "scheduled") {
    const withdraw = salesPlan(ctx, listing, [deleteScheduledSale(ctx.db, listingId, salePriceId)], now);
    const results = await commitSales(ctx, withdraw, now);
    if (changes(results[1]) > 0) return;
  }
  // In force, or started by the minute job since it was read.
  await endSaleNow(ctx, listingId, salePriceId, now);
}
