import { eq } from "drizzle-orm";
import { promotionRedemptions, promotions } from "../../schema/promotions";
import { taxRates } from "../../schema/tax";
import { newId } from "../../workers/lib/ids";
import { incoming, upserting } from "../../workers/platform/db";
import { testDb } from "./database";
import type { TestAccount, TestSeller } from "./identity";

/**
 * Promotions, their uses and tax rates written straight into their tables, for tests that need a promotion in a
 * given state (already used up, expired, held) or a rate of their own without going through the admin routes.
 */

const db = testDb();

export type PromotionFields = Partial<typeof promotions.$inferInsert>;

export interface TestPromotion {
  id: string;
  code: string | null;
}

/** A code no other test in the file holds (codes are unique across the marketplace). */
export const uniqueCode = (stem: string) => `${stem}${crypto.randomUUID().replace(/-/g, "").slice(0, 8).toUpperCase()}`;

/**
 * A running promotion: the seller's (seller-funded) when `seller` is given, else the marketplace's. By default
 * 10% off with a fresh code (`code: null` makes it automatic), valid since a minute ago, without limits.
 */
export async function aPromotion(
  seller: TestSeller | null,
  fields: PromotionFields = {},
  by: TestAccount | null = seller,
): Promise<TestPromotion> {
  const now = Date.now();
  const row = {
    id: newId("prm"),
    sellerId: seller?.sellerId ?? null,
    fundedBy: seller ? ("seller" as const) : ("platform" as const),
    name: "Test promotion",
    code: uniqueCode("TEST"),
    kind: "percent_off" as const,
    percentOff: 10,
    currency: "EUR",
    minimumSpend: 0,
    targets: { listingIds: [], categoryIds: [], conditions: [], formats: [] },
    validFrom: now - 60_000,
    status: "active" as const,
    createdBy: by?.userId ?? "usr_test-admin",
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  await db.insert(promotions).values(row);
  return { id: row.id, code: row.code };
}

/** Changes a promotion behind the cart's back (it expires, runs out of uses …). */
export async function changePromotion(id: string, fields: PromotionFields): Promise<void> {
  await db.update(promotions).set(fields).where(eq(promotions.id, id));
}

/** A use of the promotion by the buyer, as a checkout holds it. */
export async function aUse(promotionId: string, buyer: TestAccount, state: "held" | "used" = "used"): Promise<void> {
  const now = Date.now();
  await db.insert(promotionRedemptions).values({
    id: newId("rdm"),
    promotionId,
    orderId: newId("ord"),
    buyerId: buyer.userId,
    state,
    amount: 100,
    currency: "EUR",
    createdAt: now,
    updatedAt: now,
  });
}

/** Germany's VAT as the tests expect it: 7% on books, 19% standard (written over whatever is seeded). */
export const GERMAN_VAT = [
  { taxClass: "books", rate: 700, name: "USt 7%" },
  { taxClass: "standard", rate: 1900, name: "USt 19%" },
] as const;

/** Sets a destination's rates, replacing any rate of the same country, region and class. */
export async function taxRatesFor(
  country: string,
  rates: readonly { taxClass: "books" | "standard"; rate: number; name: string }[],
  region = "",
): Promise<void> {
  for (const rate of rates) {
    await upserting(
      db,
      db.insert(taxRates).values({
        id: newId("txr"),
        country,
        region,
        ...rate,
        updatedBy: "usr_test-admin",
        updatedAt: Date.now(),
      }),
      [taxRates.country, taxRates.region, taxRates.taxClass],
      { rate: incoming(db, taxRates.rate), name: incoming(db, taxRates.name) },
    );
  }
}
