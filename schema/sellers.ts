import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * A user's seller profile; one per user. `storeNameKey` (lower-cased) keeps store names unique. `ratingCount`
 * and `ratingTotal` (the sum of the stars) summarise buyers' published seller reviews, moved with each review.
 */
export const sellers = sqliteTable(
  "sellers",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    storeName: text("store_name").notNull(),
    storeNameKey: text("store_name_key").notNull(),
    contactEmail: text("contact_email").notNull(),
    shipsFrom: text("ships_from").notNull(),
    ratingCount: integer("rating_count").notNull().default(0),
    ratingTotal: integer("rating_total").notNull().default(0),
    /** Days after delivery in which buyers may ask to return copies. */
    returnWindowDays: integer("return_window_days").notNull().default(14),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("sellers_user_idx").on(t.userId), uniqueIndex("sellers_store_name_idx").on(t.storeNameKey)],
);

/**
 * A seller's shipping rates, in minor units of the marketplace currency. `countries` are the ISO codes the
 * seller ships to; the domestic rate applies in the seller's own country (the profile's `shipsFrom`), the
 * international rate elsewhere; express, when offered, replaces both. A seller without a row ships at the
 * marketplace's default rates.
 */
export const sellerShippingRates = sqliteTable("seller_shipping_rates", {
  sellerId: text("seller_id").primaryKey(),
  countries: text("countries", { mode: "json" }).$type<string[]>().notNull(),
  currency: text("currency").notNull(),
  domesticFirst: integer("domestic_first").notNull(),
  domesticAdditional: integer("domestic_additional").notNull(),
  internationalFirst: integer("international_first").notNull(),
  internationalAdditional: integer("international_additional").notNull(),
  expressFirst: integer("express_first"),
  expressAdditional: integer("express_additional"),
  updatedAt: integer("updated_at").notNull(),
});

/** An address a seller ships from; a listing names one, and its country prices the listing's shipping. */
export interface LocationAddress {
  line1: string;
  line2?: string;
  postalCode: string;
  city: string;
}

export const sellerLocations = sqliteTable(
  "seller_locations",
  {
    id: text("id").primaryKey(),
    sellerId: text("seller_id").notNull(),
    name: text("name").notNull(),
    country: text("country").notNull(),
    address: text("address", { mode: "json" }).$type<LocationAddress>().notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("seller_locations_seller_idx").on(t.sellerId, t.createdAt)],
);
