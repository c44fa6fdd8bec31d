// The SQL that (re)loads a generated demo catalog: empty the catalog tables (and the demo sellers), insert the
// generated rows, bump the cached-read versions. `npm run db:seed` writes it to files for `wrangler d1 execute`;
// the benchmark runs it through a D1 binding. One list, so both load the same catalog the same way.
import { generateCatalog } from "./catalog.mjs";
import { CATALOG_TABLES, inserts, literal } from "./sql.mjs";

/** Catalog tables emptied before a reload, children before parents. */
const CATALOG_RESET = [
  "search_term_variants",
  "search_terms",
  "edition_views",
  "listing_price_history",
  "cover_options",
  "listing_photos",
  "listings",
  "edition_categories",
  "editions",
  "works",
  "category_closure",
  "categories",
  "catalog_import_errors",
  "catalog_import_chunks",
  "catalog_imports",
];

/**
 * Generates the catalog and returns its rows and the statements that load it, in order. `withIdentity`: the
 * identity tables exist, so the demo sellers get their user, role and seller rows (identity's data, written
 * only by this operator tool).
 */
export function seedStatements({ books, seed, withIdentity = true }) {
  const rows = generateCatalog({ books, seed });
  const ids = (list) => list.map((row) => literal(row.id)).join(",");
  const reset = [
    // The FTS5 index follows search_documents through its triggers.
    "DELETE FROM search_documents;",
    ...CATALOG_RESET.map((table) => `DELETE FROM ${table};`),
    ...(withIdentity
      ? [
          `DELETE FROM sellers WHERE id IN (${ids(rows.sellers)});`,
          `DELETE FROM user_roles WHERE user_id IN (${ids(rows.users)});`,
          `DELETE FROM users WHERE id IN (${ids(rows.users)});`,
        ]
      : []),
  ];
  const order = [...(withIdentity ? ["users", "user_roles", "sellers"] : []), ...CATALOG_TABLES];
  function* all() {
    yield* reset;
    for (const table of order) yield* inserts(table, rows[table]);
    // Cached public reads are keyed by these versions: bump them so nothing cached before the reseed is used.
    yield "UPDATE catalog_versions SET version = version + 1;";
    yield "PRAGMA optimize;";
  }
  return { rows, statements: all() };
}
