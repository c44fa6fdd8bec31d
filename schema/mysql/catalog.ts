import { sql } from "drizzle-orm";
import { bigint, index, int, json, mysqlTable, primaryKey, uniqueIndex } from "drizzle-orm/mysql-core";
import { epochMs, id, minorUnits, searchText, text, varchar } from "./columns";

/** The catalog module's tables in MySQL: DDL twins of schema/catalog.ts, which the stores query. */

export const works = mysqlTable("works", {
  id: id("id").primaryKey(),
  title: text("title").notNull(),
  subtitle: text("subtitle"),
  authors: json("authors").notNull(),
  subjects: json("subjects").notNull().default([]),
  stars1: int("stars_1").notNull().default(0),
  stars2: int("stars_2").notNull().default(0),
  stars3: int("stars_3").notNull().default(0),
  stars4: int("stars_4").notNull().default(0),
  stars5: int("stars_5").notNull().default(0),
  createdAt: epochMs("created_at").notNull(),
  updatedAt: epochMs("updated_at").notNull(),
});

export const editions = mysqlTable(
  "editions",
  {
    id: id("id").primaryKey(),
    workId: id("work_id").notNull(),
    isbn13: varchar("isbn13", 13).notNull(),
    title: text("title").notNull(),
    subtitle: text("subtitle"),
    authors: json("authors").notNull(),
    format: varchar("format", 16).notNull(),
    publisher: text("publisher"),
    publishedYear: int("published_year").notNull().default(0),
    language: varchar("language", 35).notNull().default("en"),
    pageCount: int("page_count"),
    description: text("description"),
    coverKey: varchar("cover_key", 64),
    lowestPrice: minorUnits("lowest_price"),
    lowestListPrice: minorUnits("lowest_list_price"),
    priceChangesAt: epochMs("price_changes_at"),
    offerCount: int("offer_count").notNull().default(0),
    available: int("available").notNull().default(0),
    conditions: int("conditions").notNull().default(0),
    version: int("version").notNull().default(1),
    docId: bigint("doc_id", { mode: "number" }).notNull(),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("editions_isbn13_idx").on(t.isbn13),
    uniqueIndex("editions_doc_idx").on(t.docId),
    index("editions_work_idx").on(t.workId),
    index("editions_price_idx").on(t.lowestPrice, t.id),
    index("editions_newest_idx").on(t.publishedYear, t.id),
  ],
);

export const categories = mysqlTable(
  "categories",
  {
    id: id("id").primaryKey(),
    slug: varchar("slug", 128).notNull(),
    name: varchar("name", 255).notNull(),
    parentId: id("parent_id"),
    position: int("position").notNull().default(0),
    editionCount: int("edition_count").notNull().default(0),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [uniqueIndex("categories_slug_idx").on(t.slug), index("categories_parent_idx").on(t.parentId, t.position)],
);

export const categoryClosure = mysqlTable(
  "category_closure",
  {
    ancestorId: id("ancestor_id").notNull(),
    descendantId: id("descendant_id").notNull(),
    depth: int("depth").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ancestorId, t.descendantId] }),
    index("category_closure_descendant_idx").on(t.descendantId),
  ],
);

export const editionCategories = mysqlTable(
  "edition_categories",
  {
    editionId: id("edition_id").notNull(),
    categoryId: id("category_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.editionId, t.categoryId] }),
    index("edition_categories_category_idx").on(t.categoryId, t.editionId),
  ],
);

export const catalogVersions = mysqlTable("catalog_versions", {
  scope: varchar("scope", 32).primaryKey(),
  version: int("version").notNull().default(1),
});

export const listings = mysqlTable(
  "listings",
  {
    id: id("id").primaryKey(),
    sellerId: id("seller_id").notNull(),
    editionId: id("edition_id").notNull(),
    sku: varchar("sku", 64).notNull(),
    condition: varchar("condition", 16).notNull(),
    conditionNotes: text("condition_notes"),
    priceAmount: minorUnits("price_amount").notNull(),
    listPriceAmount: minorUnits("list_price_amount"),
    priceChangesAt: epochMs("price_changes_at"),
    currency: varchar("currency", 3).notNull(),
    locationId: id("location_id"),
    quantity: int("quantity").notNull(),
    available: int("available").notNull(),
    stockVersion: int("stock_version").notNull().default(0),
    status: varchar("status", 16).notNull(),
    lowStockThreshold: int("low_stock_threshold").notNull().default(0),
    withheldAt: epochMs("withheld_at"),
    version: int("version").notNull().default(1),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("listings_seller_sku_idx").on(t.sellerId, t.sku),
    index("listings_seller_idx").on(t.sellerId, t.id),
    index("listings_edition_offers_idx").on(t.editionId, t.status, t.priceAmount),
    index("listings_price_changes_idx").on(t.priceChangesAt),
  ],
);

export const listingSalePrices = mysqlTable(
  "listing_sale_prices",
  {
    id: id("id").primaryKey(),
    listingId: id("listing_id").notNull(),
    amount: minorUnits("amount").notNull(),
    startsAt: epochMs("starts_at").notNull(),
    endsAt: epochMs("ends_at").notNull(),
    state: varchar("state", 16).notNull(),
    createdAt: epochMs("created_at").notNull(),
  },
  (t) => [index("listing_sale_prices_listing_idx").on(t.listingId, t.startsAt)],
);

export const listingPhotos = mysqlTable(
  "listing_photos",
  {
    id: id("id").primaryKey(),
    listingId: id("listing_id").notNull(),
    key: varchar("key", 64).notNull(),
    contentType: varchar("content_type", 255).notNull(),
    bytes: int("bytes").notNull(),
    position: int("position").notNull().default(0),
    createdAt: epochMs("created_at").notNull(),
  },
  (t) => [index("listing_photos_listing_idx").on(t.listingId, t.position, t.id)],
);

export const coverOptions = mysqlTable(
  "cover_options",
  {
    id: id("id").primaryKey(),
    listingId: id("listing_id").notNull(),
    name: varchar("name", 255).notNull(),
    kind: varchar("kind", 16).notNull(),
    priceAmount: minorUnits("price_amount").notNull(),
    currency: varchar("currency", 3).notNull(),
    maxLength: int("max_length"),
    position: int("position").notNull().default(0),
    removedAt: epochMs("removed_at"),
  },
  (t) => [index("cover_options_listing_idx").on(t.listingId, t.position)],
);

export const listingPriceHistory = mysqlTable(
  "listing_price_history",
  {
    id: id("id").primaryKey(),
    listingId: id("listing_id").notNull(),
    amount: minorUnits("amount").notNull(),
    currency: varchar("currency", 3).notNull(),
    changedAt: epochMs("changed_at").notNull(),
  },
  (t) => [index("listing_price_history_listing_idx").on(t.listingId, t.id)],
);

/**
 * The search document of an edition. Its text columns fold case and accents for the FULLTEXT indexes of the
 * custom migration `0001_catalog_search`; TEXT defaults must be expressions in MySQL 8, hence `('')`.
 */
export const searchDocuments = mysqlTable(
  "search_documents",
  {
    id: bigint("id", { mode: "number" }).autoincrement().primaryKey(),
    editionId: id("edition_id").notNull(),
    title: searchText("title").notNull(),
    subtitle: searchText("subtitle").notNull().default(sql`('')`),
    authors: searchText("authors").notNull(),
    isbn: searchText("isbn").notNull(),
    description: searchText("description").notNull().default(sql`('')`),
  },
  (t) => [uniqueIndex("search_documents_edition_idx").on(t.editionId)],
);

/** A term is one word of a title or an author; 380 characters keeps a variant's key within InnoDB's 3072 bytes. */
export const searchTerms = mysqlTable("search_terms", {
  term: varchar("term", 380).primaryKey(),
  docCount: int("doc_count").notNull().default(0),
});

export const searchTermVariants = mysqlTable(
  "search_term_variants",
  {
    variant: varchar("variant", 380).notNull(),
    term: varchar("term", 380).notNull(),
  },
  (t) => [primaryKey({ columns: [t.variant, t.term] })],
);

export const editionViews = mysqlTable(
  "edition_views",
  {
    editionId: id("edition_id").notNull(),
    day: varchar("day", 10).notNull(),
    views: int("views").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.editionId, t.day] })],
);

export const catalogImports = mysqlTable(
  "catalog_imports",
  {
    id: id("id").primaryKey(),
    sellerId: id("seller_id").notNull(),
    rowsTotal: int("rows_total").notNull(),
    chunksTotal: int("chunks_total").notNull(),
    createdAt: epochMs("created_at").notNull(),
  },
  (t) => [index("catalog_imports_seller_idx").on(t.sellerId, t.id)],
);

export const catalogImportChunks = mysqlTable(
  "catalog_import_chunks",
  {
    importId: id("import_id").notNull(),
    chunk: int("chunk").notNull(),
    rowsDone: int("rows_done").notNull(),
    rowsFailed: int("rows_failed").notNull(),
    processedAt: epochMs("processed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.chunk] })],
);

export const catalogImportErrors = mysqlTable(
  "catalog_import_errors",
  {
    importId: id("import_id").notNull(),
    row: int("row").notNull(),
    field: varchar("field", 64).notNull(),
    message: text("message").notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.row, t.field] })],
);
