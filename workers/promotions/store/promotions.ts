import { and, eq, gt, inArray, isNull, lte, or } from "drizzle-orm";
import { promotions } from "../../../schema/promotions";
import type { Db } from "../../platform/db";

export type PromotionRow = typeof promotions.$inferSelect;

const runningAt = (now: number) =>
  and(
    eq(promotions.status, "active"),
    lte(promotions.validFrom, now),
    or(isNull(promotions.validUntil), gt(promotions.validUntil, now)),
  );

/** Automatic promotions running now of these sellers and of the marketplace. */
export function automaticPromotions(db: Db, sellerIds: string[], now: number) {
  const owners =
    sellerIds.length > 0
      ? or(isNull(promotions.sellerId), inArray(promotions.sellerId, sellerIds))
      : isNull(promotions.sellerId);
  return db
    .select()
    .from(promotions)
    .where(and(runningAt(now), isNull(promotions.code), owners));
}

/** Promotions by code (upper-cased), whatever their state: the engine says why one cannot be used. */
export function promotionsByCode(db: Db, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([] as PromotionRow[]);
  return db.select().from(promotions).where(inArray(promotions.code, codes));
}
