import { and, count, eq, inArray, sql } from "drizzle-orm";
import { promotionRedemptions, promotions } from "../../../schema/promotions";
import type { Db, Statement } from "../../platform/db";

export type RedemptionRow = typeof promotionRedemptions.$inferSelect;

const COUNTED = ["held", "used"] as const;

/** How many uses each promotion has from this buyer (held by unpaid orders or made by paid ones). */
export async function buyerUses(db: Db, buyerId: string, promotionIds: string[]): Promise<Map<string, number>> {
  if (promotionIds.length === 0) return new Map();
  const rows = await db
    .select({ promotionId: promotionRedemptions.promotionId, uses: count() })
    .from(promotionRedemptions)
    .where(
      and(
        inArray(promotionRedemptions.promotionId, promotionIds),
        eq(promotionRedemptions.buyerId, buyerId),
        inArray(promotionRedemptions.state, COUNTED),
      ),
    )
    .groupBy(promotionRedemptions.promotionId);
  return new Map(rows.map((row) => [row.promotionId, Number(row.uses)]));
}

/**
 * Holds one use of the promotion for the order, in the checkout's batch. The promotion's `usesHeld` goes up only
 * while it is below the limit, and this buyer's uses must stay within the per-buyer limit; otherwise `usesHeld`
 * is set to NULL, which its NOT NULL constraint refuses, so the whole batch (order included) is aborted. D1
 * applies a batch alone; in MySQL the update locks the promotion's row, so concurrent checkouts queue on it.
 */
export function claimStatements(
  db: Db,
  redemption: RedemptionRow,
  limits: { usageLimit: number | null; perBuyerLimit: number | null },
): Statement[] {
  const { promotionId, buyerId } = redemption;
  const counted = and(
    eq(promotionRedemptions.promotionId, promotionId),
    eq(promotionRedemptions.buyerId, buyerId),
    inArray(promotionRedemptions.state, COUNTED),
  );
  // Counted in a derived table: MySQL refuses a subquery on the table being updated, and this one is another.
  const buyerCount = sql`(SELECT uses FROM (SELECT COUNT(*) AS uses FROM ${promotionRedemptions} WHERE ${counted}) AS buyer_uses)`;
  const underTotal = limits.usageLimit === null ? sql`1 = 1` : sql`${promotions.usesHeld} < ${limits.usageLimit}`;
  const underBuyer = limits.perBuyerLimit === null ? sql`1 = 1` : sql`${buyerCount} <= ${limits.perBuyerLimit}`;
  return [
    db.insert(promotionRedemptions).values(redemption),
    db
      .update(promotions)
      .set({
        usesHeld:
          sql`CASE WHEN ${underTotal} AND ${underBuyer} THEN ${promotions.usesHeld} + 1 ELSE NULL END` as unknown as number,
      })
      .where(eq(promotions.id, promotionId)),
  ];
}

/** The order's held uses become uses: counted once, when it is paid (a redelivered event finds none held). */
export function useStatements(db: Db, orderId: string, now: number): Statement[] {
  const held = and(eq(promotionRedemptions.orderId, orderId), eq(promotionRedemptions.state, "held"));
  return [
    db
      .update(promotions)
      .set({ usesCount: sql`${promotions.usesCount} + 1`, updatedAt: now })
      .where(
        inArray(
          promotions.id,
          db.select({ id: promotionRedemptions.promotionId }).from(promotionRedemptions).where(held),
        ),
      ),
    db.update(promotionRedemptions).set({ state: "used", updatedAt: now }).where(held),
  ];
}

/** The order's held uses are given back (it expired, failed or was cancelled unpaid): once, as the state moves. */
export function releaseStatements(db: Db, orderId: string, now: number): Statement[] {
  const held = and(eq(promotionRedemptions.orderId, orderId), eq(promotionRedemptions.state, "held"));
  return [
    db
      .update(promotions)
      .set({ usesHeld: sql`${promotions.usesHeld} - 1`, updatedAt: now })
      .where(
        inArray(
          promotions.id,
          db.select({ id: promotionRedemptions.promotionId }).from(promotionRedemptions).where(held),
        ),
      ),
    db.update(promotionRedemptions).set({ state: "released", updatedAt: now }).where(held),
  ];
}

export function redemptionsOf(db: Db, orderId: string) {
  return db.select().from(promotionRedemptions).where(eq(promotionRedemptions.orderId, orderId));
}

/** The order's uses that were given back (it expired or failed unpaid), with their promotions' limits as they are now. */
export function releasedUsesOf(db: Db, orderId: string) {
  return db
    .select({
      redemptionId: promotionRedemptions.id,
      promotionId: promotions.id,
      name: promotions.name,
      code: promotions.code,
      usesHeld: promotions.usesHeld,
      usageLimit: promotions.usageLimit,
      perBuyerLimit: promotions.perBuyerLimit,
    })
    .from(promotionRedemptions)
    .innerJoin(promotions, eq(promotions.id, promotionRedemptions.promotionId))
    .where(and(eq(promotionRedemptions.orderId, orderId), eq(promotionRedemptions.state, "released")));
}

/**
 * Takes a given-back use again and counts it, for the batch that marks a late-paid order paid: the promotion's
 * `usesHeld` goes up only while it is below the limit and the buyer's other uses below theirs (NULL otherwise,
 * aborting the batch, as a claim does), and only if the use is still given back, so a repeat counts nothing.
 */
export function reclaimStatements(
  db: Db,
  use: { redemptionId: string; promotionId: string; buyerId: string },
  limits: { usageLimit: number | null; perBuyerLimit: number | null },
  now: number,
): Statement[] {
  const released = and(eq(promotionRedemptions.id, use.redemptionId), eq(promotionRedemptions.state, "released"));
  const counted = and(
    eq(promotionRedemptions.promotionId, use.promotionId),
    eq(promotionRedemptions.buyerId, use.buyerId),
    inArray(promotionRedemptions.state, COUNTED),
  );
  const buyerCount = sql`(SELECT uses FROM (SELECT COUNT(*) AS uses FROM ${promotionRedemptions} WHERE ${counted}) AS buyer_uses)`;
  const underTotal = limits.usageLimit === null ? sql`1 = 1` : sql`${promotions.usesHeld} < ${limits.usageLimit}`;
  const underBuyer = limits.perBuyerLimit === null ? sql`1 = 1` : sql`${buyerCount} < ${limits.perBuyerLimit}`;
  return [
    db
      .update(promotions)
      .set({
        usesHeld:
          sql`CASE WHEN ${underTotal} AND ${underBuyer} THEN ${promotions.usesHeld} + 1 ELSE NULL END` as unknown as number,
        usesCount: sql`${promotions.usesCount} + 1`,
        updatedAt: now,
      })
      .where(
        and(
          eq(promotions.id, use.promotionId),
          inArray(
            promotions.id,
            db.select({ id: promotionRedemptions.promotionId }).from(promotionRedemptions).where(released),
          ),
        ),
      ),
    db.update(promotionRedemptions).set({ state: "used", updatedAt: now }).where(released),
  ];
}
