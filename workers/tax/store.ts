import { and, eq, inArray } from "drizzle-orm";
import { taxRates } from "../../schema/tax";
import type { Db } from "../platform/db";

export type TaxRateRow = typeof taxRates.$inferSelect;

/** The rates of a country, for the whole of it ('') and for the region asked (a US state). */
export function destinationRates(db: Db, country: string, region: string) {
  return db
    .select()
    .from(taxRates)
    .where(and(eq(taxRates.country, country), inArray(taxRates.region, region ? ["", region] : [""])));
}
