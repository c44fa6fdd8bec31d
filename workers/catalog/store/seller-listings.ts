import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, or, type SQL, sql } from "drizzle-orm";
import { coverOptions, editions, listingPhotos, listings, works } from "../../../schema/catalog";
import type { Db } from "../../platform/db";
import { normalizeIsbn } from "../isbn";
import type { ListingCondition, ListingStatus, SellerListingSort } from "../model";
import { photoOrder } from "./listings";

/** The seller's listings table: search, filters, sorts and keyset pages, read in one round trip. */

export interface SellerListingFilter {
  q?: string;
  status?: ListingStatus;
  conditions?: ListingCondition[];
  /** Only listings whose copies available are at or below their (non-zero) low-stock threshold. */
  lowStock?: boolean;
}

/** Where the previous page ended: its last listing's sort key (none for id orders) and id. */
export interface ListingPosition {
  key?: string | number;
  id: string;
}

/** Each sort's key and direction; the listing id breaks ties, and is the whole order when the key is null. */
const SORTS: Record<SellerListingSort, { key: SQL | null; direction: "asc" | "desc" }> = {
  newest: { key: null, direction: "desc" },
  oldest: { key: null, direction: "asc" },
  title: { key: sql`lower(${works.title})`, direction: "asc" },
  price: { key: sql`${listings.priceAmount}`, direction: "asc" },
  "-price": { key: sql`${listings.priceAmount}`, direction: "desc" },
  quantity: { key: sql`${listings.quantity}`, direction: "asc" },
};

/** Whether a sort's cursor key is a number (price, quantity), text (title) or absent (id orders). */
export function sortKeyKind(sort: SellerListingSort): "number" | "string" | "none" {
  if (sort === "newest" || sort === "oldest") return "none";
  return sort === "title" ? "string" : "number";
}

/** `LIKE` text for "contains", with the pattern characters of the search escaped by `!` (same in both dialects). */
function containing(text: string): string {
  return `%${text.replace(/[!%_]/g, (char) => `!${char}`)}%`;
}

/** Title or SKU containing the text (case folded on both sides), or the ISBN it names or some of its digits. */
function matching(q: string): SQL | undefined {
  const pattern = containing(q);
  const isbn = normalizeIsbn(q);
  const digits = q.replace(/[\s-]/g, "");
  return or(
    sql`lower(${works.title}) LIKE lower(${pattern}) ESCAPE '!'`,
    sql`lower(${listings.sku}) LIKE lower(${pattern}) ESCAPE '!'`,
    isbn ? eq(editions.isbn13, isbn) : undefined,
    /^\d{3,13}$/.test(digits) ? sql`${editions.isbn13} LIKE ${containing(digits)} ESCAPE '!'` : undefined,
  );
}

function after(sort: SellerListingSort, position: ListingPosition): SQL | undefined {
  const { key, direction } = SORTS[sort];
  const beyond = direction === "asc" ? gt : lt;
  if (!key || position.key === undefined) return beyond(listings.id, position.id);
  return or(beyond(key, position.key), and(eq(key, position.key), beyond(listings.id, position.id)));
}

function where(sellerId: string, filter: SellerListingFilter, sort: SellerListingSort, from?: ListingPosition) {
  return and(
    eq(listings.sellerId, sellerId),
    filter.status ? eq(listings.status, filter.status) : undefined,
    filter.conditions?.length ? inArray(listings.condition, filter.conditions) : undefined,
    filter.lowStock
      ? and(gt(listings.lowStockThreshold, 0), lte(listings.available, listings.lowStockThreshold))
      : undefined,
    filter.q ? matching(filter.q) : undefined,
    from ? after(sort, from) : undefined,
  );
}

function orderOf(sort: SellerListingSort) {
  const { key, direction } = SORTS[sort];
  const by = direction === "asc" ? asc : desc;
  return key ? [by(key), by(listings.id)] : [by(listings.id)];
}

export interface PageRequest {
  filter: SellerListingFilter;
  sort: SellerListingSort;
  from?: ListingPosition;
  /** Rows wanted; one more is read to know whether a next page exists. */
  limit: number;
}

/**
 * The reads of one page, to send together (`readTogether`): the listings with their book and sort key, and the
 * cover options and photos of exactly those listings, picked by the same query as a derived table (MySQL takes no
 * LIMIT in an IN subquery, but does inside a derived one).
 */
export function sellerListingPageReads(db: Db, sellerId: string, page: PageRequest) {
  const filtered = where(sellerId, page.filter, page.sort, page.from);
  const rows = db
    .select({
      listing: listings,
      isbn13: editions.isbn13,
      title: works.title,
      authors: works.authors,
      sortKey: sql<string | number | null>`${SORTS[page.sort].key ?? sql`NULL`}`.as("sort_key"),
    })
    .from(listings)
    .innerJoin(editions, eq(editions.id, listings.editionId))
    .innerJoin(works, eq(works.id, editions.workId))
    .where(filtered)
    .orderBy(...orderOf(page.sort))
    .limit(page.limit + 1);
  // The same page's ids, as a derived table for the cover options' and photos' IN.
  const pageIds = db
    .select({ id: listings.id })
    .from(listings)
    .innerJoin(editions, eq(editions.id, listings.editionId))
    .innerJoin(works, eq(works.id, editions.workId))
    .where(filtered)
    .orderBy(...orderOf(page.sort))
    .limit(page.limit + 1)
    .as("page");
  const ids = db.select({ id: pageIds.id }).from(pageIds);
  const options = db
    .select()
    .from(coverOptions)
    .where(and(inArray(coverOptions.listingId, ids), isNull(coverOptions.removedAt)))
    .orderBy(asc(coverOptions.position), asc(coverOptions.id));
  const photos = db
    .select()
    .from(listingPhotos)
    .where(inArray(listingPhotos.listingId, ids))
    .orderBy(...photoOrder);
  return [rows, options, photos] as const;
}

/** The seller's listings among `ids` (others' and unknown ids are simply not there), with their ISBN. */
export function ownListingsAmong(db: Db, sellerId: string, ids: string[]) {
  return db
    .select({ listing: listings, isbn13: editions.isbn13 })
    .from(listings)
    .innerJoin(editions, eq(editions.id, listings.editionId))
    .where(and(eq(listings.sellerId, sellerId), inArray(listings.id, ids)));
}
