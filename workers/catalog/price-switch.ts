import { AppError } from "../http/errors";
import type { CatalogContext } from "./context";
import { type Plan, planPriceSwitch, withEditionRefresh } from "./listing-plans";
import { switchPrices } from "./sale-timeline";
import { type ListingRow, listingsDueForPriceSwitch, listingWithBook } from "./store/listings";
import { cutSaleShort, dueSales, isPriceSwitchConflict } from "./store/sale-prices";

/**
 * The minute job's price switch: sale prices take effect, and regular prices come back, on the first run at or
 * after their moment. Each listing's switch is written only if the listing is still as read, so two runs at once
 * (or a retried one) switch each sale once: the later one fails its write and finds nothing due afterwards.
 */

/** Listings switched in one batch, and batches in one run (any left are due again at the next minute). */
const SWITCH_PAGE = 20;
const PAGES_PER_RUN = 50;

interface DueListing {
  listing: ListingRow;
  isbn13: string;
}

/** Commits switches as a seller's listing changes are committed: with their editions' refresh and their events. */
async function commitSwitches(ctx: CatalogContext, plans: Plan[], now: number): Promise<void> {
  await ctx.services.outbox.commit(
    withEditionRefresh(ctx, plans, now),
    plans.flatMap((plan) => plan.events),
  );
}

async function plansFor(ctx: CatalogContext, due: DueListing[], now: number): Promise<Plan[]> {
  const sales = await dueSales(
    ctx.db,
    due.map((row) => row.listing.id),
    now,
  );
  return due.map(({ listing, isbn13 }) => {
    const outcome = switchPrices(
      listing,
      sales.filter((sale) => sale.listingId === listing.id),
      now,
    );
    return planPriceSwitch(ctx, listing, isbn13, outcome, now);
  });
}

/**
 * One batch for the page. If it fails (a listing changed after it was read), each listing is tried alone: one that
 * changed is left for the next run, which reads it again.
 */
async function switchListings(ctx: CatalogContext, due: DueListing[], now: number): Promise<number> {
  const plans = await plansFor(ctx, due, now);
  try {
    await commitSwitches(ctx, plans, now);
    return plans.length;
  } catch {
    let switched = 0;
    for (const [index, plan] of plans.entries()) {
      const listingId = due[index]!.listing.id;
      try {
        await commitSwitches(ctx, [plan], now);
        switched += 1;
      } catch (error) {
        if (isPriceSwitchConflict(error)) ctx.log.info("price switch deferred: the listing changed", { listingId });
        else ctx.log.warn("price switch failed; the next run retries", { listingId, error: String(error) });
      }
    }
    return switched;
  }
}

/**
 * Switches every listing whose next price switch is due at `now` (the cron passes the time of the run; tests pass
 * the moment they mean), soonest first. Answers how many listings it switched.
 */
export async function switchDuePrices(ctx: CatalogContext, now = Date.now()): Promise<number> {
  let switched = 0;
  let after: { at: number; id: string } | undefined;
  for (let page = 0; page < PAGES_PER_RUN; page++) {
    const due = await listingsDueForPriceSwitch(ctx.db, now, { after, limit: SWITCH_PAGE });
    if (due.length === 0) break;
    switched += await switchListings(ctx, due, now);
    const last = due[due.length - 1]!.listing;
    after = { at: last.priceChangesAt!, id: last.id };
    if (due.length < SWITCH_PAGE) break;
  }
  return switched;
}

const CUT_SHORT_ATTEMPTS = 3;

/**
 * Ends the listing's sale in force at `now`, at once: its end moves to now and the switch puts the regular price
 * back in the same batch, with the history row and the event a scheduled end writes. A sale that is no longer in
 * force is left as it is.
 */
export async function endSaleNow(ctx: CatalogContext, listingId: string, saleId: string, now: number): Promise<void> {
  for (let attempt = 0; attempt < CUT_SHORT_ATTEMPTS; attempt++) {
    const [found, sales] = await Promise.all([listingWithBook(ctx.db, listingId), dueSales(ctx.db, [listingId], now)]);
    const sale = sales.find((row) => row.id === saleId);
    if (!found || sale?.state !== "in_force") return;
    const cut = sales.map((row) => (row.id === saleId ? { ...row, endsAt: Math.min(row.endsAt, now) } : row));
    const plan = planPriceSwitch(ctx, found.listing, found.isbn13, switchPrices(found.listing, cut, now), now);
    try {
      await commitSwitches(
        ctx,
        [{ ...plan, statements: [cutSaleShort(ctx.db, saleId, now), ...plan.statements] }],
        now,
      );
      return;
    } catch (error) {
      if (!isPriceSwitchConflict(error)) throw error;
    }
  }
  throw new AppError("conflict", "The listing changed while its sale was being ended: try again.");
}
