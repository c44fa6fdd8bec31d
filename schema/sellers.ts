import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * A seller's shipping rates, in minor units of the marketplace currency. `countries` are the ISO codes the
 * seller ships to; the domestic rate applies in the seller's own country (identity's `shipsFrom`), the
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
