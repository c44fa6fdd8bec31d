import { newId } from "../../lib/ids";
import type { Statement } from "../../platform/db";
import type { PromotionsContext } from "../context";
import { applyPromotions, type Offer, type Pricing, type PricingLine } from "../engine";
import { automaticPromotions, type PromotionRow, promotionsByCode } from "../store/promotions";
import { buyerUses, claimStatements, releaseStatements, useStatements } from "../store/redemptions";

/** Codes are matched without regard to case or surrounding spaces. */
export const normaliseCode = (code: string) => code.trim().toUpperCase();

function offerOf(row: PromotionRow, uses: Map<string, number>): Offer {
  return { ...row, buyerUses: uses.get(row.id) ?? 0 };
}

export interface PriceRequest {
  /** Null for a guest's cart: per-buyer limits are checked at checkout, once the buyer is known. */
  buyerId: string | null;
  lines: PricingLine[];
  codes: string[];
  now: number;
}

/**
 * Prices cart lines with the automatic promotions running for their sellers and the marketplace, and the codes
 * entered (in that order). A code that matches no promotion is refused as not applicable.
 */
export async function priceLines(ctx: PromotionsContext, request: PriceRequest): Promise<Pricing> {
  const { db } = ctx.services;
  const codes = [...new Set(request.codes.map(normaliseCode))];
  const sellerIds = [...new Set(request.lines.map((line) => line.sellerId))];
  const [automatic, coded] = await Promise.all([
    request.lines.length > 0 ? automaticPromotions(db, sellerIds, request.now) : Promise.resolve([]),
    promotionsByCode(db, codes),
  ]);
  const uses = request.buyerId
    ? await buyerUses(
        db,
        request.buyerId,
        [...automatic, ...coded].filter((row) => row.perBuyerLimit !== null).map((row) => row.id),
      )
    : new Map<string, number>();
  const byCode = new Map(coded.map((row) => [row.code!, offerOf(row, uses)]));
  const pricing = applyPromotions(
    request.lines,
    {
      automatic: automatic.map((row) => offerOf(row, uses)),
      codes: codes.flatMap((code) => byCode.get(code) ?? []),
    },
    request.now,
  );
  for (const code of codes) {
    if (!byCode.has(code)) pricing.refused.push({ code, reason: "promotion_not_applicable" });
  }
  return pricing;
}

/**
 * The statements that hold one use of every applied promotion for a new order, for the checkout's batch: a
 * promotion at its limit (total, or this buyer's) aborts the batch.
 */
export function holdUses(
  ctx: PromotionsContext,
  pricing: Pick<Pricing, "applied">,
  order: { orderId: string; buyerId: string; currency: string; now: number },
): Statement[] {
  return pricing.applied.flatMap(({ offer, amount }) =>
    claimStatements(
      ctx.services.db,
      {
        id: newId("rdm"),
        promotionId: offer.id,
        orderId: order.orderId,
        buyerId: order.buyerId,
        state: "held",
        amount,
        currency: order.currency,
        createdAt: order.now,
        updatedAt: order.now,
      },
      { usageLimit: offer.usageLimit, perBuyerLimit: offer.perBuyerLimit },
    ),
  );
}

/** The order was paid: its held uses count. */
export const countUses = (ctx: PromotionsContext, orderId: string, now: number) =>
  useStatements(ctx.services.db, orderId, now);

/** The order will not be paid: its held uses are given back. */
export const releaseUses = (ctx: PromotionsContext, orderId: string, now: number) =>
  releaseStatements(ctx.services.db, orderId, now);
