import { getTableConfig, type SQLiteColumn, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { failureMessages } from "./db";

/**
 * Whether a write failed on one of the table's unique indexes. D1 names the index's columns ("UNIQUE constraint
 * failed: listings.seller_id, listings.sku"); MySQL names the index ("Duplicate entry '…' for key
 * 'listings_seller_sku_idx'", after the table's name on MySQL 8), which the MySQL schema names alike.
 */
export function violatesUnique(error: unknown, table: SQLiteTable, indexName: string): boolean {
  const config = getTableConfig(table);
  const index = config.indexes.find((candidate) => candidate.config.name === indexName && candidate.config.unique);
  if (!index) throw new Error(`${config.name} has no unique index ${indexName}`);
  const columns = index.config.columns.map((column) => `${config.name}.${(column as SQLiteColumn).name}`).join(", ");
  const duplicate = new RegExp(`Duplicate entry '[\\s\\S]*' for key '(${config.name}\\.)?${indexName}'`);
  return failureMessages(error).some(
    (message) => message.includes(`UNIQUE constraint failed: ${columns}`) || duplicate.test(message),
  );
}
