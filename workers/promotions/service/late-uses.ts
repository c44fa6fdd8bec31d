import type { Statement } from "../../platform/db";
import type { PromotionsContext } from "../context";
import { buyerUses, reclaimStatements, releasedUsesOf } from "../store/redemptions";

/** A promotion an order used, by the name and code the buyer knew it by. */
export interface UsedPromotion {
  promotionId: string;
  name: string;
  code: string | null;
}

export type Reclaim = { ok: true; statements: Statement[] } | { ok: false; usedUp: UsedPromotion };

/**
 * A payment arrived for an order whose uses were given back (it expired, or its first payment failed): its uses
 * are taken again and counted, in the batch that marks it paid. If a promotion has meanwhile been used as often
 * as it may (in total, or by this buyer), nothing is taken and the caller refunds: a limit is never passed. An
 * order that kept its uses has none given back, and gets no statements.
 */
export async function reclaimUses(
  ctx: PromotionsContext,
  order: { orderId: string; buyerId: string },
  now: number,
): Promise<Reclaim> {
  const { db } = ctx.services;
  const released = await releasedUsesOf(db, order.orderId);
  if (released.length === 0) return { ok: true, statements: [] };
  const uses = await buyerUses(
    db,
    order.buyerId,
    released.map((use) => use.promotionId),
  );
  const usedUp = released.find(
    (use) =>
      (use.usageLimit !== null && use.usesHeld >= use.usageLimit) ||
      (use.perBuyerLimit !== null && (uses.get(use.promotionId) ?? 0) >= use.perBuyerLimit),
  );
  if (usedUp) return { ok: false, usedUp: { promotionId: usedUp.promotionId, name: usedUp.name, code: usedUp.code } };
  return {
    ok: true,
    statements: released.flatMap((use) => reclaimStatements(db, { ...use, buyerId: order.buyerId }, use, now)),
  };
}
