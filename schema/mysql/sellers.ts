import { index, int, json, mysqlTable, uniqueIndex } from "drizzle-orm/mysql-core";
import { epochMs, id, minorUnits, varchar } from "./columns";

/** The sellers module's tables in MySQL: DDL twins of schema/sellers.ts, which the stores query. */

export const sellers = mysqlTable(
  "sellers",
  {
    id: id("id").primaryKey(),
    userId: id("user_id").notNull(),
    storeName: varchar("store_name", 255).notNull(),
    storeNameKey: varchar("store_name_key", 255).notNull(),
    contactEmail: varchar("contact_email", 320).notNull(),
    /** An ISO 3166-1 alpha-2 country code. */
    shipsFrom: varchar("ships_from", 2).notNull(),
    ratingCount: int("rating_count").notNull().default(0),
    ratingTotal: int("rating_total").notNull().default(0),
    returnWindowDays: int("return_window_days").notNull().default(14),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [uniqueIndex("sellers_user_idx").on(t.userId), uniqueIndex("sellers_store_name_idx").on(t.storeNameKey)],
);

export const sellerShippingRates = mysqlTable("seller_shipping_rates", {
  sellerId: id("seller_id").primaryKey(),
  countries: json("countries").notNull(),
  currency: varchar("currency", 3).notNull(),
  domesticFirst: minorUnits("domestic_first").notNull(),
  domesticAdditional: minorUnits("domestic_additional").notNull(),
  internationalFirst: minorUnits("international_first").notNull(),
  internationalAdditional: minorUnits("international_additional").notNull(),
  expressFirst: minorUnits("express_first"),
  expressAdditional: minorUnits("express_additional"),
  updatedAt: epochMs("updated_at").notNull(),
});

export const sellerLocations = mysqlTable(
  "seller_locations",
  {
    id: id("id").primaryKey(),
    sellerId: id("seller_id").notNull(),
    name: varchar("name", 255).notNull(),
    country: varchar("country", 2).notNull(),
    address: json("address").notNull(),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
  },
  (t) => [index("seller_locations_seller_idx").on(t.sellerId, t.createdAt)],
);
