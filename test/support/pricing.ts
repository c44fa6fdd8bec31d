import { eq } from "drizzle-orm";
import { promotionRedemptions, promotions } from "../../schema/promotions";
import { firstRow, testDb } from "./database";
import { api, json, type TestAccount } from "./identity";
import { aPromotion, changePromotion, type PromotionFields, type TestPromotion, taxRatesFor } from "./promotion-rows";

/**
 * Pricing for the orders tests: promotions and tax rates written into their tables (the tests are about what
 * checkout, payments and refunds do with them), codes entered at the cart as a buyer enters them, and the
 * promotions' uses read back.
 */

const db = testDb();

type Targets = NonNullable<PromotionFields["targets"]>;

/**
 * A running promotion: the marketplace's unless `sellerId` is given, automatic unless it has a `code`; targets
 * left out qualify everything.
 */
export function insertPromotion(
  fields: Omit<PromotionFields, "targets"> & Pick<PromotionFields, "kind"> & { targets?: Partial<Targets> },
): Promise<TestPromotion> {
  return aPromotion(
    null,
    {
      name: fields.code ?? `Promotion ${fields.kind}`,
      percentOff: null,
      ...fields,
      code: fields.code ?? null,
      fundedBy: fields.sellerId ? "seller" : "platform",
      targets: { listingIds: [], categoryIds: [], conditions: [], formats: [], ...fields.targets },
    },
    null,
  );
}

/** Changes a promotion after the buyer entered its code (it expires, pauses, runs out of uses …). */
export const updatePromotion = changePromotion;

export const promotionById = async (id: string) =>
  (await firstRow(db.select().from(promotions).where(eq(promotions.id, id)).limit(1)))!;

export const redemptionsOf = (promotionId: string) =>
  db.select().from(promotionRedemptions).where(eq(promotionRedemptions.promotionId, promotionId));

/** A destination's rates of both classes in basis points, named as the seeds name them, over whatever it had. */
export function setTaxRates(country: string, rates: { books: number; standard: number }, region = "") {
  const where = region ? `${country}-${region}` : country;
  return taxRatesFor(
    country,
    (["books", "standard"] as const).map((taxClass) => ({
      taxClass,
      rate: rates[taxClass],
      name: `${where} VAT ${rates[taxClass] / 100}% (${taxClass})`,
    })),
    region,
  );
}

/** Enters promotion codes at the buyer's cart (POST /v1/cart/promotions), each of which must apply then. */
export async function enterCodes(buyer: TestAccount, codes: string[]) {
  for (const code of codes) {
    const response = await api("/v1/cart/promotions", json({ code }, { headers: buyer.auth }));
    if (response.status !== 200)
      throw new Error(`code ${code} not entered: ${response.status} ${await response.text()}`);
  }
}
