import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * The catalog module's tables: works, editions, categories, seller listings and their media, the search
 * read model and bulk imports. Browse aggregates (lowest price, offers, copies) are kept on the edition row
 * so browse and search never read the listings table; stock numbers on a listing are the D1 copy used by
 * those filters (the stock authority lives outside D1).
 */

/**
 * A work: the book as written, shared by its editions. Authors are kept in order (JSON array of names).
 * `stars1`…`stars5` count its published reviews by rating: the catalog's copy of community's aggregate, moved
 * in the same batch as each review write and recomputed nightly, shown with every edition of the work.
 */
export const works = sqliteTable("works", {
  id: text("id").primaryKey(),
  title: text("title").notNull(),
  subtitle: text("subtitle"),
  authors: text("authors", { mode: "json" }).$type<string[]>().notNull(),
  subjects: text("subjects", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  stars1: integer("stars_1").notNull().default(0),
  stars2: integer("stars_2").notNull().default(0),
  stars3: integer("stars_3").notNull().default(0),
  stars4: integer("stars_4").notNull().default(0),
  stars5: integer("stars_5").notNull().default(0),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/**
 * An edition, identified by its ISBN-13. Its shown title (a translation may differ from the work's), subtitle
 * and authors are copied from the work so a result card is one row. `lowestPrice`, `offerCount`, `available`
 * and `conditions` summarise its active, in-stock listings (in the marketplace currency) and are refreshed in
 * the same batch as any listing change. `lowestListPrice` is the regular price of the lowest offer while that offer
 * is on sale (struck through beside `lowestPrice`), and `priceChangesAt` the soonest scheduled price switch of its
 * offers, which bounds how long a cached page showing its prices may live. `version` grows on every change a public
 * read of it shows (cache keys).
 */
export const editions = sqliteTable(
  "editions",
  {
    id: text("id").primaryKey(),
    workId: text("work_id")
      .notNull()
      .references(() => works.id),
    isbn13: text("isbn13").notNull(),
    title: text("title").notNull(),
    subtitle: text("subtitle"),
    authors: text("authors", { mode: "json" }).$type<string[]>().notNull(),
    format: text("format", { enum: ["hardcover", "paperback"] }).notNull(),
    publisher: text("publisher"),
    /** 0 when unknown, so the newest-first index has no NULLs. */
    publishedYear: integer("published_year").notNull().default(0),
    language: text("language").notNull().default("en"),
    pageCount: integer("page_count"),
    description: text("description"),
    coverKey: text("cover_key"),
    lowestPrice: integer("lowest_price"),
    lowestListPrice: integer("lowest_list_price"),
    priceChangesAt: integer("price_changes_at"),
    offerCount: integer("offer_count").notNull().default(0),
    available: integer("available").notNull().default(0),
    /** Bit mask of the conditions offered by active, in-stock listings (bit order of LISTING_CONDITIONS). */
    conditions: integer("conditions").notNull().default(0),
    version: integer("version").notNull().default(1),
    /** The id of its search document, which is its rowid in the FTS5 index: search joins on it. */
    docId: integer("doc_id").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("editions_isbn13_idx").on(t.isbn13),
    uniqueIndex("editions_doc_idx").on(t.docId),
    index("editions_work_idx").on(t.workId),
    index("editions_price_idx").on(t.lowestPrice, t.id),
    index("editions_newest_idx").on(t.publishedYear, t.id),
  ],
);

/** The category tree. `editionCount` counts distinct editions in the category and all its descendants. */
export const categories = sqliteTable(
  "categories",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    parentId: text("parent_id"),
    position: integer("position").notNull().default(0),
    editionCount: integer("edition_count").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("categories_slug_idx").on(t.slug), index("categories_parent_idx").on(t.parentId, t.position)],
);

/** Transitive closure of the category tree (every category is its own ancestor at depth 0). */
export const categoryClosure = sqliteTable(
  "category_closure",
  {
    ancestorId: text("ancestor_id").notNull(),
    descendantId: text("descendant_id").notNull(),
    depth: integer("depth").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ancestorId, t.descendantId] }),
    index("category_closure_descendant_idx").on(t.descendantId),
  ],
);

/** The categories an edition was placed in (its direct categories; ancestors come from the closure). */
export const editionCategories = sqliteTable(
  "edition_categories",
  {
    editionId: text("edition_id").notNull(),
    categoryId: text("category_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.editionId, t.categoryId] }),
    index("edition_categories_category_idx").on(t.categoryId, t.editionId),
  ],
);

/** Version counters for cached reads that span many rows: `browse` (lists, search) and `categories` (tree). */
export const catalogVersions = sqliteTable("catalog_versions", {
  scope: text("scope").primaryKey(),
  version: integer("version").notNull().default(1),
});

/**
 * A seller's offer of one edition in one condition. Its stock lives in the listing's StockDO; `quantity`
 * (copies on hand) and `available` (on hand less holds) are D1's read copy of it, for browse filters and
 * pages, updated from the object's events in version order (`stockVersion`; 0 = the object was never set and
 * `quantity` is the count to start it from, as for seeded listings).
 */
export const listings = sqliteTable(
  "listings",
  {
    id: text("id").primaryKey(),
    sellerId: text("seller_id").notNull(),
    editionId: text("edition_id")
      .notNull()
      .references(() => editions.id),
    sku: text("sku").notNull(),
    condition: text("condition", { enum: ["new", "like_new", "very_good", "good", "acceptable"] }).notNull(),
    conditionNotes: text("condition_notes"),
    /** The price in force: a scheduled sale price while one runs, the regular price otherwise. */
    priceAmount: integer("price_amount").notNull(),
    /** The regular price while a sale price is in force (shown struck through), null otherwise. */
    listPriceAmount: integer("list_price_amount"),
    /** When the next scheduled sale starts or the one in force ends: the minute job switches the price then. */
    priceChangesAt: integer("price_changes_at"),
    currency: text("currency").notNull(),
    /** The seller's location it ships from (sellers' `seller_locations`); none ships from the profile's country. */
    locationId: text("location_id"),
    quantity: integer("quantity").notNull(),
    available: integer("available").notNull(),
    stockVersion: integer("stock_version").notNull().default(0),
    status: text("status", { enum: ["active", "paused", "sold_out"] }).notNull(),
    /** The seller's warning level: at or below this many copies available the StockDO emits `StockLow` (0 = off). */
    lowStockThreshold: integer("low_stock_threshold").notNull().default(0),
    /** When the seller's suspension paused it: unsuspending reinstates exactly these (not ones the seller paused). */
    withheldAt: integer("withheld_at"),
    version: integer("version").notNull().default(1),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("listings_seller_sku_idx").on(t.sellerId, t.sku),
    index("listings_seller_idx").on(t.sellerId, t.id),
    index("listings_edition_offers_idx").on(t.editionId, t.status, t.priceAmount),
    index("listings_price_changes_idx").on(t.priceChangesAt),
  ],
);

/**
 * A scheduled sale price of a listing, in force from `startsAt` until `endsAt` (a listing's sales never overlap).
 * `state` moves scheduled → in_force → ended as the minute job switches the listing's price, which is when the
 * price history records the change.
 */
export const listingSalePrices = sqliteTable(
  "listing_sale_prices",
  {
    id: text("id").primaryKey(),
    listingId: text("listing_id").notNull(),
    amount: integer("amount").notNull(),
    startsAt: integer("starts_at").notNull(),
    endsAt: integer("ends_at").notNull(),
    state: text("state", { enum: ["scheduled", "in_force", "ended"] }).notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("listing_sale_prices_listing_idx").on(t.listingId, t.startsAt)],
);

/** Photos of a listing's actual copy, stored in R2 under `key`, shown in `position` order (the seller's). */
export const listingPhotos = sqliteTable(
  "listing_photos",
  {
    id: text("id").primaryKey(),
    listingId: text("listing_id")
      .notNull()
      .references(() => listings.id),
    key: text("key").notNull(),
    contentType: text("content_type").notNull(),
    bytes: integer("bytes").notNull(),
    position: integer("position").notNull().default(0),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("listing_photos_listing_idx").on(t.listingId, t.position, t.id)],
);

/**
 * Paid customisations of a listing's cover. Removed options keep their row (`removedAt`) so carts and past
 * orders that name them still resolve.
 */
export const coverOptions = sqliteTable(
  "cover_options",
  {
    id: text("id").primaryKey(),
    listingId: text("listing_id")
      .notNull()
      .references(() => listings.id),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["material", "inscription", "artwork"] }).notNull(),
    priceAmount: integer("price_amount").notNull(),
    currency: text("currency").notNull(),
    /** Longest inscription accepted, for `inscription` options. */
    maxLength: integer("max_length"),
    position: integer("position").notNull().default(0),
    removedAt: integer("removed_at"),
  },
  (t) => [index("cover_options_listing_idx").on(t.listingId, t.position)],
);

/** One row per price a listing has had, the first written when it was listed. */
export const listingPriceHistory = sqliteTable(
  "listing_price_history",
  {
    id: text("id").primaryKey(),
    listingId: text("listing_id").notNull(),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    changedAt: integer("changed_at").notNull(),
  },
  (t) => [index("listing_price_history_listing_idx").on(t.listingId, t.id)],
);

/**
 * The search document of an edition: the text its FTS5 index (`edition_search`, created by a custom
 * migration with triggers on this table) is built from. The integer id is the FTS rowid (and `editions.docId`).
 */
export const searchDocuments = sqliteTable(
  "search_documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    editionId: text("edition_id").notNull(),
    title: text("title").notNull(),
    subtitle: text("subtitle").notNull().default(""),
    authors: text("authors").notNull(),
    isbn: text("isbn").notNull(),
    description: text("description").notNull().default(""),
  },
  (t) => [uniqueIndex("search_documents_edition_idx").on(t.editionId)],
);

/** Vocabulary of titles and authors with the number of editions using each term, for spelling correction. */
export const searchTerms = sqliteTable("search_terms", {
  term: text("term").primaryKey(),
  docCount: integer("doc_count").notNull().default(0),
});

/** Every vocabulary term under each of its one-letter deletions (symmetric-delete spelling correction). */
export const searchTermVariants = sqliteTable(
  "search_term_variants",
  {
    variant: text("variant").notNull(),
    term: text("term").notNull(),
  },
  (t) => [primaryKey({ columns: [t.variant, t.term] })],
);

/** Book pages opened per edition and UTC day, counted from `ProductViewed` events (popularity). */
export const editionViews = sqliteTable(
  "edition_views",
  {
    editionId: text("edition_id").notNull(),
    day: text("day").notNull(),
    views: integer("views").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.editionId, t.day] })],
);

/** A seller's bulk import of listings from CSV, processed in chunks through the `catalog-imports` queue. */
export const catalogImports = sqliteTable(
  "catalog_imports",
  {
    id: text("id").primaryKey(),
    sellerId: text("seller_id").notNull(),
    rowsTotal: integer("rows_total").notNull(),
    chunksTotal: integer("chunks_total").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("catalog_imports_seller_idx").on(t.sellerId, t.id)],
);

/** One row per processed chunk: the import's progress is the sum of its chunks. */
export const catalogImportChunks = sqliteTable(
  "catalog_import_chunks",
  {
    importId: text("import_id").notNull(),
    chunk: integer("chunk").notNull(),
    rowsDone: integer("rows_done").notNull(),
    rowsFailed: integer("rows_failed").notNull(),
    processedAt: integer("processed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.chunk] })],
);

/** Why a row of an import was refused: its row number as a spreadsheet shows it (the header is row 1). */
export const catalogImportErrors = sqliteTable(
  "catalog_import_errors",
  {
    importId: text("import_id").notNull(),
    row: integer("row").notNull(),
    field: text("field").notNull(),
    message: text("message").notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.row, t.field] })],
);
