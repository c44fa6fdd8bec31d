import { z } from "zod";
import { AppError } from "../http/errors";
import { decodeCursor, encodeCursor } from "../http/schemas";
import { MARKETPLACE_CURRENCY } from "../lib/money";
import { readTogether, type Statement } from "../platform/db";
import type { Services } from "../platform/services";
import { CACHE_TTL_SECONDS, etagFor, ttlUntil } from "./cache";
import { type CatalogContext, mediaUrl } from "./context";
import { type BookViewer, catalogEvents } from "./events";
import type { EditionForSale } from "./for-sale";
import { looksLikeIsbn, normalizeIsbn, requireIsbn, toIsbn10 } from "./isbn";
import { conditionMask } from "./model";
import { type OfferRows, offerReads, offersFrom } from "./offers";
import { type Rating, ratingOf } from "./ratings";
import type { BooksQueryInput, CategoryRefSchema } from "./schemas";
import {
  type AnalysedTerm,
  correctedQuery,
  correctTerm,
  lookupKeys,
  MIN_CORRECTABLE_LENGTH,
  type SearchColumn,
  tokenize,
  withoutStopwords,
} from "./search";
import {
  type BrowseFilters,
  type BrowseHit,
  type BrowseOrder,
  browseEditions,
  type SearchHit,
  type SearchOrder,
} from "./store/browse";
import { type CategoryPath, categoryBySlug, categoryPathsOfEdition } from "./store/categories";
import {
  catalogVersionsNow,
  countViews,
  type EditionWithWork,
  editionWithWork,
  termFrequencies,
  termsByVariant,
} from "./store/editions";
import { searchEditions, suggestionHits } from "./store/search";

/** Browse, search, suggestions and the book page: the public, cached reads of the catalog. */

export interface BookSummary {
  isbn13: string;
  title: string;
  subtitle: string | null;
  authors: string[];
  format: "hardcover" | "paperback";
  language: string;
  publishedYear: number | null;
  coverImageUrl: string | null;
  lowestPrice: { amount: number; currency: string } | null;
  /** When the lowest price is a sale price, that offer's regular price (struck through). */
  lowestListPrice: { amount: number; currency: string } | null;
  offerCount: number;
  rating: Rating;
}

const marketplaceMoney = (amount: number | null) =>
  amount === null ? null : { amount, currency: MARKETPLACE_CURRENCY };

export interface BookPage {
  items: BookSummary[];
  nextCursor: string | null;
  correctedQuery?: string;
}

const Cursor = z.union([
  z.object({ s: z.literal("newest"), y: z.number().int(), i: z.string() }),
  z.object({ s: z.enum(["price_asc", "price_desc"]), p: z.number().int(), i: z.string() }),
  z.object({ s: z.literal("relevance"), r: z.number(), d: z.number().int() }),
]);

function orderFor(sort: BooksQueryInput["sort"], cursor: string | undefined): SearchOrder {
  const position = decodeCursor(cursor, Cursor);
  if (position && position.s !== sort)
    throw new AppError("invalid_cursor", "The cursor belongs to another sort order.");
  switch (sort) {
    case "newest":
      return { sort, after: position?.s === "newest" ? { year: position.y, id: position.i } : undefined };
    case "price_asc":
    case "price_desc":
      return { sort, after: position && "p" in position ? { price: position.p, id: position.i } : undefined };
    case "relevance":
      return { sort, after: position?.s === "relevance" ? { score: position.r, doc: position.d } : undefined };
  }
}

function cursorAfter(order: SearchOrder, last: BrowseHit | SearchHit): string {
  switch (order.sort) {
    case "newest":
      return encodeCursor({ s: "newest", y: last.year, i: last.id });
    case "price_asc":
    case "price_desc":
      return encodeCursor({ s: order.sort, p: last.price ?? 0, i: last.id });
    case "relevance": {
      const hit = last as SearchHit;
      return encodeCursor({ s: "relevance", r: hit.score, d: hit.doc });
    }
  }
}

/** Corrects each typed term against the vocabulary, with one indexed lookup for the whole query. */
/**
 * Corrects a query's terms against the vocabulary: one indexed lookup of the typed terms and, only when some
 * are unknown, one lookup of their deletions (a correctly spelt query never pays for correction).
 */
async function analyseQuery(ctx: CatalogContext, terms: string[]): Promise<AnalysedTerm[]> {
  if (terms.length === 0) return [];
  const known = await termFrequencies(ctx.db, [...new Set(terms)]);
  const unknown = terms.filter((term) => term.length >= MIN_CORRECTABLE_LENGTH && !known.some((k) => k.term === term));
  const keys = lookupKeys([...new Set(unknown)]);
  const neighbours = keys.length ? await termsByVariant(ctx.db, keys) : [];
  const candidates = [...known, ...neighbours.filter((n, i) => neighbours.findIndex((m) => m.term === n.term) === i)];
  return terms.map((term) =>
    correctTerm(
      term,
      candidates.filter((c) => c.term === term || Math.abs(c.term.length - term.length) <= 2),
    ),
  );
}

/**
 * The order a page of search results is shown in. The index ranks by bm25; on top of that, a page shows
 * first the books whose title has every word asked for (including words like "the" left out of the index
 * query), and among equally ranked books those that can be bought. Only the display order within the page
 * changes; the cursor still follows the index order, so paging never skips or repeats a book.
 */
function arrangePage(hits: SearchHit[], searched: AnalysedTerm[], dropped: string[]): SearchHit[] {
  const wanted = [...searched.map((term) => term.searched), ...dropped.map((word) => [word])];
  const titleHasAll = (hit: SearchHit) => {
    const words = new Set(tokenize(hit.title));
    return wanted.every((alternatives) => alternatives.some((word) => words.has(word)));
  };
  return hits
    .map((hit, index) => ({ hit, index, exact: titleHasAll(hit) ? 0 : 1, buyable: hit.offerCount > 0 ? 0 : 1 }))
    .sort((a, b) => a.exact - b.exact || (a.hit.score === b.hit.score ? a.buyable - b.buyable : 0) || a.index - b.index)
    .map((entry) => entry.hit);
}

function summaryOf(ctx: CatalogContext, card: BrowseHit): BookSummary {
  return {
    isbn13: card.isbn13,
    title: card.title,
    subtitle: card.subtitle,
    authors: JSON.parse(card.authors) as string[],
    format: card.format,
    language: card.language,
    publishedYear: card.year || null,
    coverImageUrl: mediaUrl(ctx, card.coverKey),
    lowestPrice: marketplaceMoney(card.price),
    lowestListPrice: marketplaceMoney(card.listPrice),
    offerCount: card.offerCount,
    rating: ratingOf([card.s1, card.s2, card.s3, card.s4, card.s5]),
  };
}

export interface VersionedRead<T> {
  etag: string;
  read(): Promise<T>;
}

/** `GET /v1/books`: browse (no `q`) or search, with filters, one page at a time. */
export async function findBooks(ctx: CatalogContext, query: BooksQueryInput): Promise<VersionedRead<BookPage>> {
  if (query.minPrice !== undefined && query.maxPrice !== undefined && query.minPrice > query.maxPrice) {
    throw new AppError("validation_failed", "minPrice is above maxPrice.", {
      errors: [{ path: "minPrice", message: "must not exceed maxPrice" }],
    });
  }
  const text = query.q?.trim() ?? "";
  // A query with nothing searchable in it ("", "?!") browses; browsing has no relevance, so newest first.
  const searchable = looksLikeIsbn(text) || tokenize(text).length > 0;
  const sort = query.sort === "relevance" && !searchable ? "newest" : query.sort;
  const order = orderFor(sort, query.cursor);
  const versions = await catalogVersionsNow(ctx.db);
  const key = `books:${versions.browse}:${versions.categories}:${JSON.stringify({ ...query, q: text, sort })}`;
  return {
    etag: etagFor(key),
    read: () => ctx.cache.readUntil(key, () => loadBooks(ctx, query, text, order, versions.documents)),
  };
}

async function loadBooks(
  ctx: CatalogContext,
  query: BooksQueryInput,
  text: string,
  order: SearchOrder,
  documents: number,
): Promise<{ value: BookPage; ttlSeconds: number }> {
  const filters: BrowseFilters = {
    conditionMask: query.condition ? conditionMask(query.condition) : undefined,
    minPrice: query.minPrice,
    maxPrice: query.maxPrice,
    language: query.language,
    format: query.format,
    inStock: query.inStock,
  };
  if (query.category) {
    const category = await categoryBySlug(ctx.db, query.category);
    if (!category) {
      throw new AppError("validation_failed", `There is no category "${query.category}".`, {
        errors: [{ path: "category", message: "unknown category" }],
      });
    }
    filters.categoryId = category.id;
    filters.categorySize = category.editionCount;
    filters.catalogSize = documents;
  }

  let hits: (BrowseHit | SearchHit)[];
  let shown: (BrowseHit | SearchHit)[] | undefined;
  let corrected: string | undefined;
  const isbn = looksLikeIsbn(text) ? normalizeIsbn(text) : undefined;
  const terms = isbn ? [] : tokenize(text).slice(0, 12);
  if (isbn) {
    const exact = { typed: isbn, searched: [isbn], corrected: false };
    hits = await searchEditions(ctx.db, { terms: [exact], columns: ["isbn"] }, filters, order, query.limit);
  } else if (terms.length > 0) {
    const analysed = await analyseQuery(ctx, terms);
    corrected = correctedQuery(analysed);
    const { searched, dropped } = withoutStopwords(analysed, documents);
    hits = await searchEditions(ctx.db, { terms: searched }, filters, order, query.limit);
    if (order.sort === "relevance") shown = arrangePage((hits as SearchHit[]).slice(0, query.limit), searched, dropped);
  } else {
    hits = await browseEditions(ctx.db, filters, order as BrowseOrder, query.limit);
  }

  const page = hits.slice(0, query.limit);
  const items = (shown ?? page).map((hit) => summaryOf(ctx, hit));
  const nextCursor = hits.length > query.limit ? cursorAfter(order, page[page.length - 1]!) : null;
  const switches = page.flatMap((hit) => (hit.priceChangesAt === null ? [] : [hit.priceChangesAt]));
  return {
    value: corrected ? { items, nextCursor, correctedQuery: corrected } : { items, nextCursor },
    ttlSeconds: ttlUntil(switches.length ? Math.min(...switches) : null),
  };
}

export interface Suggestion {
  kind: "title" | "author";
  text: string;
  isbn13?: string;
}

const MAX_SUGGESTIONS = 10;
const STANDS_IN = { typed: "\u0000last", searched: [], corrected: false, frequency: 0 };

/** `GET /v1/books/suggest`: title and author completions of what has been typed so far. */
export async function suggest(ctx: CatalogContext, q: string): Promise<VersionedRead<Suggestion[]>> {
  const terms = tokenize(q).slice(0, 8);
  const versions = await catalogVersionsNow(ctx.db);
  const key = `suggest:${versions.browse}:${terms.join(" ")}`;
  return {
    etag: etagFor(key),
    read: () => ctx.cache.read(key, CACHE_TTL_SECONDS, () => loadSuggestions(ctx, terms, versions.documents)),
  };
}

async function loadSuggestions(ctx: CatalogContext, terms: string[], documents: number): Promise<Suggestion[]> {
  if (terms.length === 0 || terms.join("").length < 2) return [];
  const earlier = await analyseQuery(ctx, terms.slice(0, -1));
  // The word being typed is always kept, so the earlier words may all be dropped if they are stopwords.
  const analysed = earlier.length ? withoutStopwords([...earlier, STANDS_IN], documents).searched.slice(0, -1) : [];
  const last = terms[terms.length - 1]!;
  const columns: SearchColumn[] = ["title", "authors"];
  let hits = await suggestionHits(
    ctx.db,
    { terms: [...analysed, { typed: last, searched: [last], corrected: false }], prefixLast: true, columns },
    MAX_SUGGESTIONS * 3,
  );
  let prefixes = [last];
  if (hits.length === 0 && last.length >= MIN_CORRECTABLE_LENGTH) {
    // Nothing starts with what was typed: treat the last word as a finished, possibly misspelt, word.
    const [fixed] = await analyseQuery(ctx, [last]);
    hits = await suggestionHits(ctx.db, { terms: [...analysed, fixed!], columns }, MAX_SUGGESTIONS * 3);
    prefixes = fixed!.searched;
  }
  const matchesTyped = (text: string) => tokenize(text).some((token) => prefixes.some((p) => token.startsWith(p)));
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  const add = (suggestion: Suggestion) => {
    const id = `${suggestion.kind}:${suggestion.text.toLowerCase()}`;
    if (seen.has(id) || out.length >= MAX_SUGGESTIONS) return;
    seen.add(id);
    out.push(suggestion);
  };
  for (const hit of hits) {
    if (matchesTyped(hit.title)) add({ kind: "title", text: hit.title, isbn13: hit.isbn13 });
    for (const author of JSON.parse(hit.authors) as string[])
      if (matchesTyped(author)) add({ kind: "author", text: author });
  }
  return out;
}

type CategoryRef = z.infer<typeof CategoryRefSchema>;

/** `GET /v1/books/{isbn}`: the edition, its work, categories and buyable offers. Emits `ProductViewed`. */
/** What the book page shows from outside the catalog ("bought together"), injected in workers/app.ts. */
export interface BookPageExtras {
  /** Editions bought with this one, for sale now, best first. */
  boughtTogether(services: Services, isbn13: string): Promise<EditionForSale[]>;
  /** When those may change next (epoch ms, after `now`): a cached page lives no longer, and its key names it. */
  boughtTogetherUntil(now: number): number;
}

/** How many "bought together" editions the book page shows. */
const BOUGHT_TOGETHER_SHOWN = 4;

export async function bookDetail(ctx: CatalogContext, isbnInput: string, viewer: BookViewer, extras: BookPageExtras) {
  const isbn13 = requireIsbn(isbnInput);
  // The edition row carries the page's version: a cached page is found by it, and a missing one is built from it.
  const found = await editionWithWork(ctx.db, isbn13);
  if (!found) throw new AppError("not_found", `No edition with ISBN ${isbn13}.`);
  const { edition: current } = found;
  ctx.services.outbox.signal([catalogEvents.productViewed({ id: current.id, isbn13 }, viewer)]);
  // The work's stars are in the key: a review moves them without touching the edition.
  // So are the "bought together" editions' next rebuild, and the page is cached no longer than until then.
  const until = extras.boughtTogetherUntil(Date.now());
  const key = `book:${isbn13}:${current.version}:${found.categoriesVersion}:${found.work.stars.join(".")}:${until}`;
  const changesAt = Math.min(current.priceChangesAt ?? until, until);
  return {
    etag: etagFor(key),
    read: () => ctx.cache.read(key, ttlUntil(changesAt), () => loadBook(ctx, found, extras)),
  };
}

/** Book-page views as one upsert per edition and day (`YYYY-MM-DD`, UTC), however many views a batch holds. */
export function countBookViews(ctx: CatalogContext, views: { editionId: string; day: string }[]): Statement[] {
  const counts = new Map<string, { editionId: string; day: string; views: number }>();
  for (const { editionId, day } of views) {
    const key = `${editionId}/${day}`;
    const count = counts.get(key) ?? { editionId, day, views: 0 };
    count.views += 1;
    counts.set(key, count);
  }
  return [...counts.values()].map((count) => countViews(ctx.db, count));
}

async function loadBook(ctx: CatalogContext, found: EditionWithWork, extras: BookPageExtras) {
  const { edition, work } = found;
  const [[paths, ...offered], together] = await Promise.all([
    readTogether(ctx.db, [categoryPathsOfEdition(ctx.db, edition.id), ...offerReads(ctx, edition.id)]) as Promise<
      [CategoryPath[], ...OfferRows]
    >,
    extras.boughtTogether(ctx.services, edition.isbn13),
  ]);
  const offers = await offersFrom(ctx, offered);
  const byCategory = new Map<string, { depth: number; ref: CategoryRef }[]>();
  for (const row of paths) {
    const list = byCategory.get(row.categoryId) ?? [];
    list.push({ depth: row.depth, ref: { slug: row.slug, name: row.name } });
    byCategory.set(row.categoryId, list);
  }
  const categories = [...byCategory.values()].map((ancestors) => {
    const path = ancestors.sort((a, b) => b.depth - a.depth).map((a) => a.ref);
    return { ...path[path.length - 1]!, path };
  });
  return {
    isbn13: edition.isbn13,
    isbn10: toIsbn10(edition.isbn13) ?? null,
    format: edition.format,
    publisher: edition.publisher,
    publishedYear: edition.publishedYear || null,
    language: edition.language,
    pageCount: edition.pageCount,
    description: edition.description,
    coverImageUrl: mediaUrl(ctx, edition.coverKey),
    work: {
      id: work.id,
      title: work.title,
      subtitle: work.subtitle,
      authors: work.authors,
      subjects: work.subjects,
    },
    categories: categories.sort((a, b) => a.name.localeCompare(b.name)),
    lowestPrice: marketplaceMoney(edition.lowestPrice),
    lowestListPrice: marketplaceMoney(edition.lowestListPrice),
    offerCount: edition.offerCount,
    offers,
    rating: ratingOf(work.stars),
    boughtTogether: together
      .slice(0, BOUGHT_TOGETHER_SHOWN)
      .map(({ isbn13, title, lowestPrice }) => ({ isbn13, title, lowestPrice })),
  };
}
