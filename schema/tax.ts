import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const TAX_CLASSES = ["books", "standard"] as const;

/**
 * The tax rate of one class of goods shipped to one country (or one region of it: a US state; '' is the whole
 * country), in basis points (700 = 7%). Prices are tax-inclusive: a rate says how much of a price is tax.
 */
export const taxRates = sqliteTable(
  "tax_rates",
  {
    id: text("id").primaryKey(),
    country: text("country").notNull(),
    region: text("region").notNull().default(""),
    taxClass: text("tax_class", { enum: TAX_CLASSES }).notNull(),
    rate: integer("rate").notNull(),
    name: text("name").notNull(),
    updatedBy: text("updated_by").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("tax_rates_destination_idx").on(t.country, t.region, t.taxClass)],
);

/** The tax of one rate in a total: `taxable` is the tax-inclusive amount charged at `rate` (basis points). */
export interface TaxLine {
  taxClass: "books" | "standard";
  rate: number;
  name: string;
  taxable: number;
  tax: number;
}
