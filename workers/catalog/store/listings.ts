import { and, asc, desc, eq, getTableColumns, gt, inArray, isNull, lt, lte, ne, or, type SQL, sql } from "drizzle-orm";
import { coverOptions, editions, listingPhotos, listingPriceHistory, listings, works } from "../../../schema/catalog";
import { chunked, MAX_LIST_PARAMS, readChunked, rowsPerInsert } from "../../lib/chunked";
import { type Db, failureMessages, type Statement } from "../../platform/db";
import { violatesUnique } from "../../platform/unique";
import type { ListingStatus } from "../model";

export type ListingRow = typeof listings.$inferSelect;
type NewListing = typeof listings.$inferInsert;
export type CoverOptionRow = typeof coverOptions.$inferSelect;
export type NewCoverOption = typeof coverOptions.$inferInsert;
export type PhotoRow = typeof listingPhotos.$inferSelect;

/** Whether a write failed because the seller already has a listing with the SKU. */
export function isSkuTaken(error: unknown): boolean {
  return violatesUnique(error, listings, "listings_seller_sku_idx");
}

export async function listingById(db: Db, id: string) {
  const [row] = await db.select().from(listings).where(eq(listings.id, id)).limit(1);
  return row;
}

/** Listings joined to their edition and work: the listing with the book it is a copy of. */
const listingsWithBook = (db: Db) =>
  db
    .select({
      listing: listings,
      isbn13: editions.isbn13,
      title: works.title,
      authors: works.authors,
      coverKey: editions.coverKey,
    })
    .from(listings)
    .innerJoin(editions, eq(editions.id, listings.editionId))
    .innerJoin(works, eq(works.id, editions.workId));

/** A listing with its edition's ISBN and its work's title, for the listing page. */
export async function listingWithBook(db: Db, id: string) {
  const [row] = await listingsWithBook(db).where(eq(listings.id, id)).limit(1);
  return row;
}

/** Listings by id with their edition's ISBN and their work's title, for carts and checkouts. */
export function listingsWithTitles(db: Db, ids: string[]) {
  return readChunked(ids, (part) =>
    db
      .select({ listing: listings, isbn13: editions.isbn13, format: editions.format, title: works.title })
      .from(listings)
      .innerJoin(editions, eq(editions.id, listings.editionId))
      .innerJoin(works, eq(works.id, editions.workId))
      .where(inArray(listings.id, part)),
  );
}

/** Who sells each of these listings (unknown ids are simply not there). */
export function sellersOfListingIds(db: Db, ids: string[]) {
  return readChunked(ids, (part) =>
    db.select({ id: listings.id, sellerId: listings.sellerId }).from(listings).where(inArray(listings.id, part)),
  );
}

/** What a cached read of a listing is keyed by and lives until: its version, and its next scheduled price switch. */
export async function listingVersion(db: Db, id: string) {
  const [row] = await db
    .select({ version: listings.version, sellerId: listings.sellerId, priceChangesAt: listings.priceChangesAt })
    .from(listings)
    .where(eq(listings.id, id))
    .limit(1);
  return row;
}

export function listingsBySku(db: Db, sellerId: string, skus: string[]) {
  return readChunked(skus, (part) =>
    db
      .select()
      .from(listings)
      .where(and(eq(listings.sellerId, sellerId), inArray(listings.sku, part))),
  );
}

/** What makes a listing of an edition an offer on its book page: active, with copies to sell. */
function offeredBy(editionId: string) {
  return and(eq(listings.editionId, editionId), eq(listings.status, "active"), gt(listings.available, 0));
}

/** An edition's buyable offers (active, in stock), cheapest first. Reads only that edition's listings. */
export function activeOffers(db: Db, editionId: string, limit = 100) {
  return db
    .select()
    .from(listings)
    .where(offeredBy(editionId))
    .orderBy(asc(listings.priceAmount), asc(listings.id))
    .limit(limit);
}

/** A seller's listings, newest first, after the cursor (a listing id). */
export function sellerListings(
  db: Db,
  sellerId: string,
  options: { status?: ListingStatus; after?: string; limit: number },
) {
  return listingsWithBook(db)
    .where(
      and(
        eq(listings.sellerId, sellerId),
        options.status ? eq(listings.status, options.status) : undefined,
        options.after ? lt(listings.id, options.after) : undefined,
      ),
    )
    .orderBy(desc(listings.id))
    .limit(options.limit + 1);
}

/** The cover options a listing offers now (removed ones stay only for the carts that chose them). */
export function coverOptionsOf(db: Db, listingIds: string[]) {
  return readChunked(listingIds, (part) =>
    db
      .select()
      .from(coverOptions)
      .where(and(inArray(coverOptions.listingId, part), isNull(coverOptions.removedAt)))
      .orderBy(asc(coverOptions.position), asc(coverOptions.id)),
  );
}

/** The seller's order of a listing's photos (upload order among photos never reordered). */
export const photoOrder = [asc(listingPhotos.position), asc(listingPhotos.id)] as const;

export function photosOf(db: Db, listingIds: string[]) {
  return readChunked(listingIds, (part) =>
    db
      .select()
      .from(listingPhotos)
      .where(inArray(listingPhotos.listingId, part))
      .orderBy(...photoOrder),
  );
}

/** The ids of the listings a book page offers (`activeOffers`' rows). */
function offeredListingIds(db: Db, editionId: string) {
  return db.select({ id: listings.id }).from(listings).where(offeredBy(editionId));
}

/** Cover options of an edition's offered listings, read by edition so they can travel in one batch with the offers. */
export function coverOptionsOfOffers(db: Db, editionId: string) {
  return db
    .select()
    .from(coverOptions)
    .where(and(inArray(coverOptions.listingId, offeredListingIds(db, editionId)), isNull(coverOptions.removedAt)))
    .orderBy(asc(coverOptions.position), asc(coverOptions.id));
}

/** Photos of an edition's offered listings, read by edition like `coverOptionsOfOffers`. */
export function photosOfOffers(db: Db, editionId: string) {
  return db
    .select()
    .from(listingPhotos)
    .where(inArray(listingPhotos.listingId, offeredListingIds(db, editionId)))
    .orderBy(...photoOrder);
}

export async function photoById(db: Db, listingId: string, photoId: string) {
  const [row] = await db
    .select()
    .from(listingPhotos)
    .where(and(eq(listingPhotos.listingId, listingId), eq(listingPhotos.id, photoId)))
    .limit(1);
  return row;
}

export async function photoCount(db: Db, listingId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(listingPhotos)
    .where(eq(listingPhotos.listingId, listingId));
  return row?.n ?? 0;
}

/** A listing's prices in order, after the cursor (a history row id). */
export function priceHistory(db: Db, listingId: string, options: { after?: string; limit: number }) {
  return db
    .select()
    .from(listingPriceHistory)
    .where(
      and(
        eq(listingPriceHistory.listingId, listingId),
        options.after ? gt(listingPriceHistory.id, options.after) : undefined,
      ),
    )
    .orderBy(asc(listingPriceHistory.id))
    .limit(options.limit + 1);
}

export function insertListing(db: Db, row: NewListing): Statement {
  return db.insert(listings).values(row);
}

type ListingWrite = {
  [K in keyof Omit<NewListing, "id" | "sellerId" | "editionId" | "version" | "createdAt">]?: NewListing[K] | SQL;
};

/** Writes a listing's new state and bumps its version (cached listing pages are keyed by it). */
export function updateListing(db: Db, id: string, changes: ListingWrite): Statement {
  return db
    .update(listings)
    .set({ ...changes, version: sql`${listings.version} + 1` })
    .where(eq(listings.id, id));
}

/** Stock levels as D1 keeps a copy of them: copies on hand, what can be bought now, and the object's version. */
export interface StockCopy {
  onHand: number;
  available: number;
  version: number;
}

/**
 * Applies a StockDO's levels to the listing's D1 copy, only if they are newer than what it holds (events can
 * arrive out of order or twice). The status follows: a listing with nothing left to buy is sold out, and
 * active again when copies come back; a seller's pause is kept.
 */
export function applyStockCopy(db: Db, listingId: string, levels: StockCopy, now: number): Statement {
  return db
    .update(listings)
    .set({
      quantity: levels.onHand,
      available: levels.available,
      stockVersion: levels.version,
      status: sql`CASE WHEN ${listings.status} = 'paused' THEN 'paused' WHEN ${levels.available} > 0 THEN 'active' ELSE 'sold_out' END`,
      version: sql`${listings.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(listings.id, listingId), lt(listings.stockVersion, levels.version)));
}

export function bumpListingVersion(db: Db, id: string, now: number): Statement {
  return db
    .update(listings)
    .set({ version: sql`${listings.version} + 1`, updatedAt: now })
    .where(eq(listings.id, id));
}

/**
 * A seller's new regular price, written where the regular price lives when the statement runs: the price in force
 * when no sale runs, the list price while one does. A price switch committed between the seller's read and this
 * write therefore keeps its sale price. (MySQL assigns left to right and `price_amount` comes first, so both
 * read the list price as it was.)
 */
export function regularPriceWrite(amount: number) {
  return {
    priceAmount: sql`CASE WHEN ${listings.listPriceAmount} IS NULL THEN ${amount} ELSE ${listings.priceAmount} END`,
    listPriceAmount: sql`CASE WHEN ${listings.listPriceAmount} IS NULL THEN NULL ELSE ${amount} END`,
  };
}

/**
 * Listings whose next scheduled price switch is due at `now`, soonest first, after the cursor (the previous
 * page's last switch moment and listing id), with the ISBN their events carry.
 */
export function listingsDueForPriceSwitch(
  db: Db,
  now: number,
  options: { after?: { at: number; id: string }; limit: number },
) {
  const { after } = options;
  return listingsWithBook(db)
    .where(
      and(
        lte(listings.priceChangesAt, now),
        after
          ? or(
              gt(listings.priceChangesAt, after.at),
              and(eq(listings.priceChangesAt, after.at), gt(listings.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(listings.priceChangesAt), asc(listings.id))
    .limit(options.limit);
}

type PricePoint = typeof listingPriceHistory.$inferInsert;

/** A listing's first price. */
export function insertPriceHistory(db: Db, row: PricePoint): Statement {
  return db.insert(listingPriceHistory).values(row);
}

/**
 * A listing's new price, written only if the stored price in force really differs when the batch runs and no sale
 * runs then (a new regular price under a sale changes no price in force), so a concurrent edit or price switch
 * cannot leave a false entry.
 */
export function recordPriceChange(db: Db, row: PricePoint): Statement {
  return db.insert(listingPriceHistory).select(
    db
      .select({
        id: boundColumn(row.id, "id"),
        listingId: listings.id,
        amount: boundColumn(row.amount, "amount"),
        currency: boundColumn(row.currency, "currency"),
        changedAt: boundColumn(row.changedAt, "changed_at"),
      })
      .from(listings)
      .where(
        and(eq(listings.id, row.listingId), ne(listings.priceAmount, row.amount), isNull(listings.listPriceAmount)),
      ),
  );
}

/** A bound value as a selected column (for INSERT … SELECT). */
export function boundColumn<T extends string | number>(value: T, name: string) {
  return sql<T>`${value}`.as(name);
}

const COVER_OPTION_COLUMNS = Object.keys(getTableColumns(coverOptions)).length;

export function insertCoverOptions(db: Db, rows: NewCoverOption[]): Statement[] {
  return chunked(rows, rowsPerInsert(COVER_OPTION_COLUMNS)).map((part) => db.insert(coverOptions).values(part));
}

export function updateCoverOption(
  db: Db,
  listingId: string,
  id: string,
  changes: Partial<Omit<NewCoverOption, "id" | "listingId">>,
): Statement {
  return db
    .update(coverOptions)
    .set(changes)
    .where(and(eq(coverOptions.id, id), eq(coverOptions.listingId, listingId)));
}

export function removeCoverOptions(db: Db, listingId: string, ids: string[], now: number): Statement[] {
  return chunked(ids, MAX_LIST_PARAMS).map((part) =>
    db
      .update(coverOptions)
      .set({ removedAt: now })
      .where(
        and(eq(coverOptions.listingId, listingId), inArray(coverOptions.id, part), isNull(coverOptions.removedAt)),
      ),
  );
}

/**
 * A listing's photo, placed last, only while the listing has fewer than `limit`: past it the insert names no listing, fails
 * on NOT NULL and fails its whole batch (`isOverPhotoLimit`). Counted inside the insert, so concurrent uploads
 * cannot overshoot once their batch has locked the listing's row (`bumpListingVersion` before it: MySQL
 * then runs them one after the other; D1 runs every batch alone). Written without a trigger, which
 * PlanetScale does not offer (migration 0015 dropped D1's).
 */
export function insertPhoto(
  db: Db,
  row: Omit<typeof listingPhotos.$inferInsert, "position">,
  limit: number,
): Statement {
  return db.insert(listingPhotos).select(
    db
      .select({
        id: boundColumn(row.id, "id"),
        listingId: sql<string>`CASE WHEN count(*) < ${limit} THEN ${row.listingId} END`.as("listing_id"),
        key: boundColumn(row.key, "key"),
        contentType: boundColumn(row.contentType, "content_type"),
        bytes: boundColumn(row.bytes, "bytes"),
        // Last in the listing's order; after a removal the places keep a gap, which ordering does not mind.
        position: sql<number>`coalesce(max(${listingPhotos.position}) + 1, 0)`.as("position"),
        createdAt: boundColumn(row.createdAt, "created_at"),
      })
      .from(listingPhotos)
      .where(eq(listingPhotos.listingId, row.listingId)),
  );
}

/** Whether a photo upload failed because the listing has its limit of photos (see `insertPhoto`). */
export function isOverPhotoLimit(error: unknown): boolean {
  const refusals = ["NOT NULL constraint failed: listing_photos.listing_id", "Column 'listing_id' cannot be null"];
  return failureMessages(error).some((message) => refusals.some((refusal) => message.includes(refusal)));
}

/** A photo's place in its listing's order. */
export function placePhoto(db: Db, listingId: string, photoId: string, position: number): Statement {
  return db
    .update(listingPhotos)
    .set({ position })
    .where(and(eq(listingPhotos.listingId, listingId), eq(listingPhotos.id, photoId)));
}

export function deletePhoto(db: Db, listingId: string, photoId: string): Statement {
  return db.delete(listingPhotos).where(and(eq(listingPhotos.listingId, listingId), eq(listingPhotos.id, photoId)));
}

/** Whether any of the seller's listings ships from this location. */
export async function listingShipsFrom(db: Db, sellerId: string, locationId: string): Promise<boolean> {
  const rows = await db
    .select({ id: listings.id })
    .from(listings)
    .where(and(eq(listings.sellerId, sellerId), eq(listings.locationId, locationId)))
    .limit(1);
  return rows.length > 0;
}
