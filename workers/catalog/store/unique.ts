import { getTableConfig, type SQLiteColumn, type SQLiteTable } from "drizzle-orm/sqlite-core";

/**
 * Whether a write failed on one of the table's unique indexes. D1 names the index's columns ("UNIQUE constraint
 * failed: listings.seller_id, listings.sku"); MySQL names the index ("Duplicate entry '…' for key
 * 'listings_seller_sku_idx'", after the table's name on MySQL 8), which the MySQL schema names alike. Drizzle
 * wraps a driver's error in its own, so the causes are read too.
 */
export function violatesUnique(error: unknown, table: SQLiteTable, indexName: string): boolean {
  const config = getTableConfig(table);
  const index = config.indexes.find((candidate) => candidate.config.name === indexName && candidate.config.unique);
  if (!index) throw new Error(`${config.name} has no unique index ${indexName}`);
  const columns = index.config.columns.map((column) => `${config.name}.${(column as SQLiteColumn).name}`).join(", ");
  const duplicate = new RegExp(`Duplicate entry '[\\s\\S]*' for key '(${config.name}\\.)?${indexName}'`);
  for (let cause = error, depth = 0; cause && depth < 4; cause = (cause as { cause?: unknown }).cause, depth++) {
    const message = String(cause);
    if (message.includes(`UNIQUE constraint failed: ${columns}`) || duplicate.test(message)) return true;
  }
  return false;
}
