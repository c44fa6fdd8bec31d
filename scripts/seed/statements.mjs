// The SQL that (re)loads a generated demo catalog: empty the catalog tables (and the demo sellers), insert the
// generated rows, bump the cached-read versions. `npm run db:seed` writes it to files for `wrangler d1 execute`;
// the benchmark runs it through a D1 binding. One list, so both load the same catalog the same way.
import { generateCatalog } from "./catalog.mjs";
import { generateHistory } from "./history.mjs";
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

/** The demo readers are known by their addresses' domain; their history goes with them on a reseed. */
const READERS = "(SELECT id FROM users WHERE email LIKE '%@readers.bookbazaar.local')";
const READER_ORDERS = `(SELECT id FROM orders WHERE buyer_id IN ${READERS})`;

/** Tables the history writes, in insertion order; the insights tables are derived, so they are emptied whole. */
const HISTORY_TABLES = [
  "users",
  "orders",
  "seller_orders",
  "order_lines",
  "shipments",
  "reviews",
  "edition_funnel_days",
  "insights_edition_viewers",
  "insights_edition_purchases",
  "insights_edition_recommendations",
];

/**
 * Weeks of history on the generated catalog `catalog` (see history.mjs): the earlier demo readers' rows and every
 * derived insights row removed first, then the new rows, the reviewed works' star counts, and no built reports,
 * so the weekly reports build again from the seeded orders on first request.
 */
export function historyStatements({ catalog, seed, now, passwordHash }) {
  const { rows, stars } = generateHistory({ catalog, seed, now, passwordHash });
  const reset = [
    `DELETE FROM shipments WHERE order_id IN ${READER_ORDERS};`,
    `DELETE FROM order_lines WHERE order_id IN ${READER_ORDERS};`,
    `DELETE FROM seller_orders WHERE order_id IN ${READER_ORDERS};`,
    `DELETE FROM orders WHERE id IN ${READER_ORDERS};`,
    `DELETE FROM reviews WHERE author_id IN ${READERS};`,
    `DELETE FROM users WHERE id IN ${READERS};`,
    ...[
      "edition_funnel_days",
      "insights_edition_viewers",
      "insights_edition_purchases",
      "insights_edition_recommendations",
      "weekly_seller_reports",
      "weekly_reports",
    ].map((table) => `DELETE FROM ${table};`),
  ];
  function* all() {
    yield* reset;
    for (const table of HISTORY_TABLES) yield* inserts(table, rows[table]);
    for (const [workId, counts] of stars) {
      const set = counts.map((count, index) => `stars_${index + 1} = ${count}`).join(", ");
      yield `UPDATE works SET ${set} WHERE id = ${literal(workId)};`;
    }
    // The demo sellers sign in with the readers' password, to see their orders and reports.
    yield `UPDATE users SET password_hash = ${literal(passwordHash)} WHERE email LIKE '%@sellers.bookbazaar.local';`;
    yield "UPDATE catalog_versions SET version = version + 1;";
  }
  return { rows, statements: all() };
}
