import { and, eq, inArray } from "drizzle-orm";
import { sellerLocations, sellerShippingRates, sellers } from "../../schema/sellers";
import { type Db, upserting } from "../platform/db";

/** Drizzle queries on the sellers module's tables, and nothing else. Writes are returned unexecuted for batching. */
export type SellerRow = typeof sellers.$inferSelect;
export type ShippingRatesRow = typeof sellerShippingRates.$inferSelect;

// seller profiles

export async function findSellerByUser(db: Db, userId: string) {
  const [seller] = await db.select().from(sellers).where(eq(sellers.userId, userId)).limit(1);
  return seller;
}

export async function findSellerById(db: Db, id: string) {
  const [seller] = await db.select().from(sellers).where(eq(sellers.id, id)).limit(1);
  return seller;
}

export function sellerUsersByIds(db: Db, ids: string[]) {
  return db.select({ id: sellers.id, userId: sellers.userId }).from(sellers).where(inArray(sellers.id, ids));
}

export function findSellersByIds(db: Db, ids: string[]) {
  return db
    .select({
      id: sellers.id,
      storeName: sellers.storeName,
      shipsFrom: sellers.shipsFrom,
      ratingCount: sellers.ratingCount,
      ratingTotal: sellers.ratingTotal,
    })
    .from(sellers)
    .where(inArray(sellers.id, ids));
}

export function returnWindowsByIds(db: Db, ids: string[]) {
  return db
    .select({ id: sellers.id, returnWindowDays: sellers.returnWindowDays })
    .from(sellers)
    .where(inArray(sellers.id, ids));
}

/** Whose account each seller is, and its store name. */
export function sellerAccountsByIds(db: Db, ids: string[]) {
  return db
    .select({ id: sellers.id, userId: sellers.userId, storeName: sellers.storeName })
    .from(sellers)
    .where(inArray(sellers.id, ids));
}

export async function findSellerByStoreName(db: Db, storeNameKey: string) {
  const [seller] = await db
    .select({ id: sellers.id })
    .from(sellers)
    .where(eq(sellers.storeNameKey, storeNameKey))
    .limit(1);
  return seller;
}

export function insertSeller(db: Db, row: typeof sellers.$inferInsert) {
  return db.insert(sellers).values(row);
}

export function updateSeller(db: Db, id: string, patch: Partial<typeof sellers.$inferInsert>) {
  return db.update(sellers).set(patch).where(eq(sellers.id, id));
}

export function updateSellerByUser(db: Db, userId: string, patch: Partial<typeof sellers.$inferInsert>) {
  return db.update(sellers).set(patch).where(eq(sellers.userId, userId));
}

// shipping rates

export function shippingRatesOf(db: Db, sellerIds: string[]) {
  return db.select().from(sellerShippingRates).where(inArray(sellerShippingRates.sellerId, sellerIds));
}

export function upsertShippingRates(db: Db, row: ShippingRatesRow) {
  const { sellerId: _key, ...rest } = row;
  return upserting(db, db.insert(sellerShippingRates).values(row), sellerShippingRates.sellerId, rest);
}

// locations

export type LocationRow = typeof sellerLocations.$inferSelect;

export const insertLocation = (db: Db, row: typeof sellerLocations.$inferInsert) =>
  db.insert(sellerLocations).values(row);

export const locationsOfSeller = (db: Db, sellerId: string) =>
  db
    .select()
    .from(sellerLocations)
    .where(eq(sellerLocations.sellerId, sellerId))
    .orderBy(sellerLocations.createdAt, sellerLocations.id);

export const locationsByIds = (db: Db, ids: string[]) =>
  db.select().from(sellerLocations).where(inArray(sellerLocations.id, ids));

export const updateLocation = (db: Db, id: string, patch: Partial<typeof sellerLocations.$inferInsert>) =>
  db.update(sellerLocations).set(patch).where(eq(sellerLocations.id, id));

export const deleteLocation = (db: Db, sellerId: string, id: string) =>
  db.delete(sellerLocations).where(and(eq(sellerLocations.id, id), eq(sellerLocations.sellerId, sellerId)));
