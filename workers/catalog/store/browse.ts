import { type SQL, sql } from "drizzle-orm";
import { type Db, rows } from "../../platform/db";
import type { EditionFormat } from "../model";

/**
 * Browse queries, and search on SQLite's FTS5 index (`innodb-search.ts` is its MySQL counterpart; `search.ts`
 * chooses). Both read the edition summary (never the listings table): browse walks an index of `editions` in
 * the order asked for, search walks the FTS5 index in rank order, and each stops after one page. Rows read
 * therefore follow the page size, not the catalog size.
 */
export interface BrowseFilters {
  categoryId?: string;
  /** How many editions the category holds, and the catalog: they decide how the filter is walked. */
  categorySize?: number;
  catalogSize?: number;
  conditionMask?: number;
  minPrice?: number;
  maxPrice?: number;
  language?: string;
  format?: EditionFormat;
  inStock?: boolean;
}

export type BrowseOrder =
  | { sort: "newest"; after?: { year: number; id: string } }
  | { sort: "price_asc" | "price_desc"; after?: { price: number; id: string } };

export interface SearchPosition {
  score: number;
  doc: number;
}

/**
 * A category filter either reads the category's links and sorts what it finds (about 3 rows per edition in
 * it), or walks the sort index and checks each edition's categories until the page is full (about 4 rows per
 * candidate, and page ÷ share candidates). The first is cheaper below sqrt(28 × catalog size) editions.
 */
function startFromCategoryLinks(categorySize: number, catalogSize: number): boolean {
  return categorySize * categorySize < 28 * Math.max(catalogSize, 1);
}

export function filterClauses(filters: BrowseFilters): SQL[] {
  const clauses: SQL[] = [];
  if (filters.categoryId) {
    if (startFromCategoryLinks(filters.categorySize ?? Number.POSITIVE_INFINITY, filters.catalogSize ?? 0)) {
      clauses.push(sql`e.id IN (SELECT ec.edition_id FROM category_closure cc
        JOIN edition_categories ec ON ec.category_id = cc.descendant_id WHERE cc.ancestor_id = ${filters.categoryId})`);
    } else {
      clauses.push(sql`EXISTS (SELECT 1 FROM edition_categories ec
        JOIN category_closure cc ON cc.ancestor_id = ${filters.categoryId} AND cc.descendant_id = ec.category_id
        WHERE ec.edition_id = e.id)`);
    }
  }
  if (filters.conditionMask) clauses.push(sql`(e.conditions & ${filters.conditionMask}) != 0`);
  if (filters.minPrice !== undefined) clauses.push(sql`e.lowest_price >= ${filters.minPrice}`);
  if (filters.maxPrice !== undefined) clauses.push(sql`e.lowest_price <= ${filters.maxPrice}`);
  if (filters.language) clauses.push(sql`e.language = ${filters.language}`);
  if (filters.format) clauses.push(sql`e.format = ${filters.format}`);
  if (filters.inStock) clauses.push(sql`e.lowest_price IS NOT NULL`);
  return clauses;
}

export function where(clauses: SQL[]): SQL {
  return clauses.length ? sql`WHERE ${sql.join(clauses, sql` AND `)}` : sql``;
}

export function orderClauses(order: BrowseOrder): { clauses: SQL[]; orderBy: SQL } {
  switch (order.sort) {
    case "newest":
      return {
        clauses: order.after ? [sql`(e.published_year, e.id) < (${order.after.year}, ${order.after.id})`] : [],
        orderBy: sql`ORDER BY e.published_year DESC, e.id DESC`,
      };
    case "price_asc":
      return {
        clauses: [
          sql`e.lowest_price IS NOT NULL`,
          ...(order.after ? [sql`(e.lowest_price, e.id) > (${order.after.price}, ${order.after.id})`] : []),
        ],
        orderBy: sql`ORDER BY e.lowest_price, e.id`,
      };
    case "price_desc":
      return {
        clauses: [
          sql`e.lowest_price IS NOT NULL`,
          ...(order.after ? [sql`(e.lowest_price, e.id) < (${order.after.price}, ${order.after.id})`] : []),
        ],
        orderBy: sql`ORDER BY e.lowest_price DESC, e.id DESC`,
      };
  }
}

/** An edition as a result card (authors still JSON text), with the sort keys its cursor is made of. */
export interface BrowseHit {
  id: string;
  isbn13: string;
  title: string;
  subtitle: string | null;
  authors: string;
  format: EditionFormat;
  language: string;
  year: number;
  coverKey: string | null;
  price: number | null;
  /** The regular price of the lowest offer while it is on sale. */
  listPrice: number | null;
  /** The soonest scheduled price switch of its offers: a cached page showing it lives no longer. */
  priceChangesAt: number | null;
  offerCount: number;
  /** The work's stars, 1 to 5 (catalog/ratings). */
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
}

/** A card's columns; its query joins the edition's work (`WITH_WORK`) for the work's stars. */
export const CARD =
  sql.raw(`e.id AS id, e.isbn13 AS isbn13, e.title AS title, e.subtitle AS subtitle, e.authors AS authors,
  e.format AS format, e.language AS language, e.published_year AS year, e.cover_key AS coverKey,
  e.lowest_price AS price, e.lowest_list_price AS listPrice, e.price_changes_at AS priceChangesAt,
  e.offer_count AS offerCount,
  w.stars_1 AS s1, w.stars_2 AS s2, w.stars_3 AS s3, w.stars_4 AS s4, w.stars_5 AS s5`);
export const WITH_WORK = sql.raw("JOIN works w ON w.id = e.work_id");

/** One page (plus one, to know if there is more) of editions in the order asked for. */
export function browseQuery(filters: BrowseFilters, order: BrowseOrder, limit: number): SQL {
  const { clauses, orderBy } = orderClauses(order);
  return sql`SELECT ${CARD} FROM editions e ${WITH_WORK} ${where([...filterClauses(filters), ...clauses])} ${orderBy} LIMIT ${limit + 1}`;
}

export function browseEditions(db: Db, filters: BrowseFilters, order: BrowseOrder, limit: number) {
  return rows<BrowseHit>(db, browseQuery(filters, order, limit));
}

/** A search result: `score` ranks it (lower is better, as FTS5's rank) and `doc` breaks ties, in the cursor too. */
export interface SearchHit extends BrowseHit {
  score: number;
  doc: number;
}

export type SearchOrder = BrowseOrder | { sort: "relevance"; after?: SearchPosition };

/** Results after a cursor position in relevance order: a worse score, or the same one and a later document. */
export function afterPosition(score: SQL, doc: SQL, after: SearchPosition | undefined): SQL[] {
  return after ? [sql`(${score} > ${after.score} OR (${score} = ${after.score} AND ${doc} > ${after.doc}))`] : [];
}

/**
 * One page of editions matching an FTS5 expression. In rank order FTS5 hands back rows best first and the
 * page stops the scan; any other order has to sort every match (fine for the narrow queries it serves).
 */
export function searchQuery(match: string, filters: BrowseFilters, order: SearchOrder, limit: number): SQL {
  const filtered = filterClauses(filters);
  if (order.sort === "relevance") {
    const after = afterPosition(sql`f.rank`, sql`f.rowid`, order.after);
    return sql`SELECT ${CARD}, f.rank AS score, f.rowid AS doc
      FROM edition_search f JOIN editions e ON e.doc_id = f.rowid ${WITH_WORK}
      ${where([sql`edition_search MATCH ${match}`, ...filtered, ...after])} ORDER BY f.rank LIMIT ${limit + 1}`;
  }
  const { clauses, orderBy } = orderClauses(order);
  return sql`SELECT ${CARD}, 0 AS score, e.doc_id AS doc
    FROM edition_search f JOIN editions e ON e.doc_id = f.rowid ${WITH_WORK}
    ${where([sql`edition_search MATCH ${match}`, ...filtered, ...clauses])} ${orderBy} LIMIT ${limit + 1}`;
}

export interface SuggestionHit {
  title: string;
  authors: string;
  isbn13: string;
}

/** The best-ranked editions for an FTS5 prefix expression, for search-as-you-type. */
export function suggestionQuery(match: string, limit: number): SQL {
  return sql`SELECT e.title AS title, e.authors AS authors, e.isbn13 AS isbn13
    FROM edition_search f JOIN editions e ON e.doc_id = f.rowid
    WHERE edition_search MATCH ${match} ORDER BY f.rank LIMIT ${limit}`;
}
