import { and, desc, eq, gt, inArray, lt, lte, max, or, type SQL, sql } from "drizzle-orm";
import { listingSalePrices, listings } from "../../../schema/catalog";
import { readChunked } from "../../lib/chunked";
import { type Db, failureMessages, type Statement } from "../../platform/db";
import { boundColumn } from "./listings";

/**
 * A listing's scheduled sale prices, and the listing columns that follow them (the price in force, the list price
 * and the next switch). A sale is pending while it is scheduled or in force; pending sales of one listing never
 * overlap (each runs from `startsAt` until, not including, `endsAt`).
 */

export type SalePriceRow = typeof listingSalePrices.$inferSelect;
type NewSalePrice = typeof listingSalePrices.$inferInsert;

const PENDING = ["scheduled", "in_force"] as const;

/** Pending sales of the listing that share a moment with [startsAt, endsAt). */
function overlapping(listingId: string, startsAt: number, endsAt: number): SQL {
  return and(
    eq(listingSalePrices.listingId, listingId),
    inArray(listingSalePrices.state, PENDING),
    lt(listingSalePrices.startsAt, endsAt),
    gt(listingSalePrices.endsAt, startsAt),
  )!;
}

/** The first pending sale of the listing that overlaps the period, if any (to name it in a 409). */
export async function overlappingSale(db: Db, listingId: string, startsAt: number, endsAt: number) {
  const [row] = await db
    .select()
    .from(listingSalePrices)
    .where(overlapping(listingId, startsAt, endsAt))
    .orderBy(listingSalePrices.startsAt)
    .limit(1);
  return row;
}

/**
 * A new sale, written only if no pending sale of the listing overlaps it when the batch runs: otherwise the row
 * names no listing, which NOT NULL refuses, and the whole batch fails (`isSaleOverlap`). The batch locks the
 * listing's row first (`bumpListingVersion`), so in MySQL two schedules of one listing run one after the other.
 */
export function insertSalePrice(db: Db, row: NewSalePrice): Statement {
  return db.insert(listingSalePrices).select(
    db
      .select({
        id: boundColumn(row.id, "id"),
        listingId: sql<string>`CASE WHEN count(*) = 0 THEN ${row.listingId} END`.as("listing_id"),
        amount: boundColumn(row.amount, "amount"),
        startsAt: boundColumn(row.startsAt, "starts_at"),
        endsAt: boundColumn(row.endsAt, "ends_at"),
        state: boundColumn(row.state, "state"),
        createdAt: boundColumn(row.createdAt, "created_at"),
      })
      .from(listingSalePrices)
      .where(overlapping(row.listingId, row.startsAt, row.endsAt)),
  );
}

/** Whether a schedule failed because another pending sale of the listing took that time (see `insertSalePrice`). */
export function isSaleOverlap(error: unknown): boolean {
  const refusals = ["NOT NULL constraint failed: listing_sale_prices.listing_id", "Column 'listing_id' cannot be null"];
  return failureMessages(error).some((message) => refusals.some((refusal) => message.includes(refusal)));
}

export async function salePriceOf(db: Db, listingId: string, id: string) {
  const [row] = await db
    .select()
    .from(listingSalePrices)
    .where(and(eq(listingSalePrices.listingId, listingId), eq(listingSalePrices.id, id)))
    .limit(1);
  return row;
}

/** A listing's sales, latest start first, after the cursor (the previous page's last start and id). */
export function salePricesOf(
  db: Db,
  listingId: string,
  options: { after?: { startsAt: number; id: string }; limit: number },
) {
  const { after } = options;
  return db
    .select()
    .from(listingSalePrices)
    .where(
      and(
        eq(listingSalePrices.listingId, listingId),
        after
          ? or(
              lt(listingSalePrices.startsAt, after.startsAt),
              and(eq(listingSalePrices.startsAt, after.startsAt), lt(listingSalePrices.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(listingSalePrices.startsAt), desc(listingSalePrices.id))
    .limit(options.limit + 1);
}

/** The highest pending sale price of the listing: its regular price must stay above it. */
export async function highestPendingSale(db: Db, listingId: string): Promise<number | null> {
  const [row] = await db
    .select({ amount: max(listingSalePrices.amount) })
    .from(listingSalePrices)
    .where(and(eq(listingSalePrices.listingId, listingId), inArray(listingSalePrices.state, PENDING)));
  return row?.amount == null ? null : Number(row.amount);
}

/** The sales of these listings the switch may move at `now`: the one in force, and scheduled ones now due. */
export function dueSales(db: Db, listingIds: string[], now: number) {
  return readChunked(listingIds, (part) =>
    db
      .select()
      .from(listingSalePrices)
      .where(
        and(
          inArray(listingSalePrices.listingId, part),
          or(
            eq(listingSalePrices.state, "in_force"),
            and(eq(listingSalePrices.state, "scheduled"), lte(listingSalePrices.startsAt, now)),
          ),
        ),
      ),
  );
}

/** A scheduled sale is withdrawn before it starts; once it has started nothing is deleted (see `changes`). */
export function deleteScheduledSale(db: Db, listingId: string, id: string): Statement {
  return db
    .delete(listingSalePrices)
    .where(
      and(
        eq(listingSalePrices.listingId, listingId),
        eq(listingSalePrices.id, id),
        eq(listingSalePrices.state, "scheduled"),
      ),
    );
}

/** The sale in force is cut short: it ends at `at` (the switch then puts the regular price back). */
export function cutSaleShort(db: Db, id: string, at: number): Statement {
  return db
    .update(listingSalePrices)
    .set({ endsAt: at })
    .where(
      and(eq(listingSalePrices.id, id), eq(listingSalePrices.state, "in_force"), gt(listingSalePrices.endsAt, at)),
    );
}

/** Sales that started (scheduled → in force), each moved only from the state the switch saw. */
export function startSales(db: Db, ids: string[]): Statement[] {
  if (ids.length === 0) return [];
  return [
    db
      .update(listingSalePrices)
      .set({ state: "in_force" })
      .where(and(inArray(listingSalePrices.id, ids), eq(listingSalePrices.state, "scheduled"))),
  ];
}

/** Sales that are over: the one in force that ended, and scheduled ones that can no longer take effect. */
export function endSales(db: Db, ids: string[]): Statement[] {
  if (ids.length === 0) return [];
  return [
    db
      .update(listingSalePrices)
      .set({ state: "ended" })
      .where(and(inArray(listingSalePrices.id, ids), inArray(listingSalePrices.state, PENDING))),
  ];
}

/**
 * The listing's next scheduled price switch, from its pending sales as the statement runs: the start of a
 * scheduled one or the end of the one in force, whichever comes first; NULL when none is pending.
 */
export const nextPriceChange = sql<
  number | null
>`(SELECT min(CASE WHEN ${listingSalePrices.state} = 'scheduled' THEN ${listingSalePrices.startsAt} ELSE ${listingSalePrices.endsAt} END) FROM ${listingSalePrices} WHERE ${listingSalePrices.listingId} = ${listings.id} AND ${listingSalePrices.state} IN ('scheduled', 'in_force'))`;

/**
 * A price switch's write: the price in force and the list price worked out from the listing as read at `seen.version`,
 * and its next switch from its sales as the statement runs. If the listing changed since (an edit, a sale scheduled,
 * another switch), the price is set to NULL, which NOT NULL refuses, so the whole batch fails
 * (`isPriceSwitchConflict`) and nothing is switched twice. MySQL assigns left to right: `version` is compared
 * before it is bumped.
 */
export function switchListingPrice(
  db: Db,
  id: string,
  seen: { version: number; price: number; listPrice: number | null },
  now: number,
): Statement {
  return db
    .update(listings)
    .set({
      priceAmount: sql`CASE WHEN ${listings.version} = ${seen.version} THEN ${seen.price} END`,
      listPriceAmount: seen.listPrice,
      priceChangesAt: nextPriceChange,
      version: sql`${listings.version} + 1`,
      updatedAt: now,
    })
    .where(eq(listings.id, id));
}

/** Whether a price switch failed because the listing changed after it was read (see `switchListingPrice`). */
export function isPriceSwitchConflict(error: unknown): boolean {
  const refusals = ["NOT NULL constraint failed: listings.price_amount", "Column 'price_amount' cannot be null"];
  return failureMessages(error).some((message) => refusals.some((refusal) => message.includes(refusal)));
}

/** The listing's next scheduled price switch, from its pending sales as the statement runs. */
export function reschedulePriceSwitch(db: Db, id: string): Statement {
  return db.update(listings).set({ priceChangesAt: nextPriceChange }).where(eq(listings.id, id));
}
