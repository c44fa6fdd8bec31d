import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { taxRates } from "../../schema/tax";
import type { Db } from "../platform/db";
import type { TaxClass } from "./engine";

export type TaxRateRow = typeof taxRates.$inferSelect;

/** The rates of a country, for the whole of it ('') and for the region asked (a US state). */
export function destinationRates(db: Db, country: string, region: string) {
  return db
    .select()
    .from(taxRates)
    .where(and(eq(taxRates.country, country), inArray(taxRates.region, region ? ["", region] : [""])));
}

/** Every rate, or a country's (its regions' included) and/or one class's, by destination then class. */
export function listRates(db: Db, filter: { country?: string; taxClass?: TaxClass }) {
  const conditions = [
    filter.country ? eq(taxRates.country, filter.country) : undefined,
    filter.taxClass ? eq(taxRates.taxClass, filter.taxClass) : undefined,
  ];
  return db
    .select()
    .from(taxRates)
    .where(and(...conditions))
    .orderBy(asc(taxRates.country), asc(taxRates.region), asc(taxRates.taxClass));
}

export async function rateAt(db: Db, country: string, region: string, taxClass: TaxClass) {
  const [row] = await db
    .select()
    .from(taxRates)
    .where(and(eq(taxRates.country, country), eq(taxRates.region, region), eq(taxRates.taxClass, taxClass)))
    .limit(1);
  return row;
}

export async function rateById(db: Db, id: string) {
  const [row] = await db.select().from(taxRates).where(eq(taxRates.id, id)).limit(1);
  return row;
}

/** A new rate; a rate another admin set for the same destination and class first makes it fail on the unique index. */
export const insertRate = (db: Db, row: TaxRateRow) => db.insert(taxRates).values(row);

/**
 * The rate's new value, only if it is still as read: otherwise the rate becomes NULL, which the NOT NULL column
 * refuses, so the batch it is in (with its audit entry) rolls back instead of recording a change over another.
 * Both dialects see the old row in the condition: drizzle writes SET in the table's column order, `rate` before
 * `name` and `updated_at`, and MySQL (which assigns left to right) has changed nothing yet when it gets there.
 */
export function replaceRate(
  db: Db,
  read: TaxRateRow,
  change: Pick<TaxRateRow, "rate" | "name" | "updatedBy" | "updatedAt">,
) {
  const unchanged: SQL = sql`${taxRates.rate} = ${read.rate} AND ${taxRates.name} = ${read.name} AND ${taxRates.updatedAt} = ${read.updatedAt}`;
  return db
    .update(taxRates)
    .set({ ...change, rate: sql`CASE WHEN ${unchanged} THEN ${change.rate} ELSE NULL END` as unknown as number })
    .where(eq(taxRates.id, read.id));
}

export const deleteRate = (db: Db, id: string) => db.delete(taxRates).where(eq(taxRates.id, id));
