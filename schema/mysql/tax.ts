import { int, mysqlTable, uniqueIndex } from "drizzle-orm/mysql-core";
import { epochMs, id, text, varchar } from "./columns";

/** The tax module's table in MySQL: the DDL twin of schema/tax.ts, which the store queries. */

export const taxRates = mysqlTable(
  "tax_rates",
  {
    id: id("id").primaryKey(),
    country: varchar("country", 2).notNull(),
    region: varchar("region", 8).notNull().default(""),
    taxClass: varchar("tax_class", 16).notNull(),
    rate: int("rate").notNull(),
    name: text("name").notNull(),
    updatedBy: varchar("updated_by", 128).notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [uniqueIndex("tax_rates_destination_idx").on(t.country, t.region, t.taxClass)],
);
