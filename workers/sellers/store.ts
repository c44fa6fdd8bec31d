import { inArray } from "drizzle-orm";
import { sellerShippingRates } from "../../schema/sellers";
import type { Db } from "../platform/db";

/** Drizzle queries on the sellers module's tables, and nothing else. */
export type ShippingRatesRow = typeof sellerShippingRates.$inferSelect;

export function shippingRatesOf(db: Db, sellerIds: string[]) {
  return db.select().from(sellerShippingRates).where(inArray(sellerShippingRates.sellerId, sellerIds));
}

export function upsertShippingRates(db: Db, row: ShippingRatesRow) {
  const { sellerId: _key, ...rest } = row;
  return db.insert(sellerShippingRates).values(row).onConflictDoUpdate({
    target: sellerShippingRates.sellerId,
    set: rest,
  });
}
