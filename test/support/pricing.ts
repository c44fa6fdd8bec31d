import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { promotionRedemptions, promotions } from "../../schema/promotions";
import { taxRates } from "../../schema/tax";
import { userCartName } from "../../workers/cart/token";
import { newId } from "../../workers/lib/ids";
import { firstRow, testDb } from "./database";
import type { TestAccount } from "./identity";

/**
 * Promotions, tax rates and a cart's codes for the pricing tests, written straight into their tables: the tests
 * are about what checkout, payments and refunds do with them, not about how they are created.
 */

const db = testDb();

export type PromotionRow = typeof promotions.$inferSelect;

type PromotionFields = Partial<Omit<PromotionRow, "targets">> &
  Pick<PromotionRow, "kind"> & { targets?: Partial<PromotionRow["targets"]> };

/** A running promotion: the marketplace's unless `sellerId` is given, automatic unless it has a `code`. */
export async function insertPromotion(fields: PromotionFields): Promise<PromotionRow> {
  const now = Date.now();
  const row: PromotionRow = {
    id: newId("prm"),
    sellerId: null,
    fundedBy: fields.sellerId ? "seller" : "platform",
    name: fields.code ?? `Promotion ${fields.kind}`,
    code: null,
    percentOff: null,
    amountOff: null,
    buyQuantity: null,
    getQuantity: null,
    bundleQuantity: null,
    bundlePrice: null,
    currency: "EUR",
    minimumSpend: 0,
    validFrom: now - 60_000,
    validUntil: null,
    usageLimit: null,
    perBuyerLimit: null,
    stackable: false,
    status: "active",
    usesHeld: 0,
    usesCount: 0,
    version: 1,
    createdBy: "test",
    createdAt: now,
    updatedAt: now,
    ...fields,
    targets: { listingIds: [], categoryIds: [], conditions: [], formats: [], ...fields.targets },
  };
  await db.insert(promotions).values(row);
  return row;
}

export const promotionById = (id: string) =>
  firstRow(db.select().from(promotions).where(eq(promotions.id, id)).limit(1)) as Promise<PromotionRow>;

export const redemptionsOf = (promotionId: string) =>
  db.select().from(promotionRedemptions).where(eq(promotionRedemptions.promotionId, promotionId));

export async function updatePromotion(id: string, fields: Partial<PromotionRow>) {
  await db.update(promotions).set(fields).where(eq(promotions.id, id));
}

/** The rates of a destination's two classes, in basis points, replacing whatever it had (seeds included). */
export async function setTaxRates(country: string, rates: { books: number; standard: number }, region = "") {
  await db.delete(taxRates).where(and(eq(taxRates.country, country), eq(taxRates.region, region)));
  const where = region ? `${country}-${region}` : country;
  await db.insert(taxRates).values(
    (["books", "standard"] as const).map((taxClass) => ({
      id: newId("txr"),
      country,
      region,
      taxClass,
      rate: rates[taxClass],
      name: `${where} VAT ${rates[taxClass] / 100}% (${taxClass})`,
      updatedBy: "test",
      updatedAt: Date.now(),
    })),
  );
}

/**
 * The promotion codes the buyer's cart holds, written into the cart object's own storage (its `codes()` reads
 * them back in this order), as entering them at the cart would.
 */
export async function enterCodes(buyer: TestAccount, codes: string[]) {
  const cart = env.CART.getByName(userCartName(buyer.userId));
  await runInDurableObject(cart, (_instance, state) => {
    state.storage.sql.exec("CREATE TABLE IF NOT EXISTS promotion_codes (code TEXT PRIMARY KEY, position INTEGER)");
    state.storage.sql.exec("DELETE FROM promotion_codes");
    for (const [position, code] of codes.entries()) {
      state.storage.sql.exec("INSERT INTO promotion_codes VALUES (?, ?)", code.toUpperCase(), position);
    }
  });
}
