// SQL text for generated rows: literals, and multi-row INSERTs kept well under D1's 100 KB statement limit.

export const literal = (value) => {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") return String(value);
  return `'${String(value).replace(/'/g, "''")}'`;
};

/** Yields INSERT statements of at most ~60 KB each for `list` (objects keyed by column name). */
export function* inserts(table, list, verb = "INSERT") {
  if (list.length === 0) return;
  const columns = Object.keys(list[0]);
  let batch = [];
  let size = 0;
  for (const row of list) {
    const tuple = `(${columns.map((column) => literal(row[column])).join(",")})`;
    if (size + tuple.length > 60_000 && batch.length) {
      yield `${verb} INTO ${table} (${columns.join(",")}) VALUES\n${batch.join(",\n")};`;
      batch = [];
      size = 0;
    }
    batch.push(tuple);
    size += tuple.length + 2;
  }
  yield `${verb} INTO ${table} (${columns.join(",")}) VALUES\n${batch.join(",\n")};`;
}

/** Catalog tables in the order their rows can be inserted. */
export const CATALOG_TABLES = [
  "categories",
  "category_closure",
  "works",
  "editions",
  "edition_categories",
  "listings",
  "cover_options",
  "listing_price_history",
  "search_terms",
  "search_term_variants",
  "search_documents",
];
