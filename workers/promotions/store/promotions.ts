import { and, desc, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { promotions } from "../../../schema/promotions";
import { olderThan } from "../../lib/keyset";
import type { Db } from "../../platform/db";
import { violatesUnique } from "../../platform/unique";

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

type NewPromotion = typeof promotions.$inferInsert;

/** What an owner may change of a promotion (never its owner, funding or uses). */
export type PromotionChanges = Partial<
  Omit<
    NewPromotion,
    "id" | "sellerId" | "fundedBy" | "currency" | "usesHeld" | "usesCount" | "version" | "createdBy" | "createdAt"
  >
>;

/** Whether a write failed because another promotion (of any owner) has the code. */
export function isCodeTaken(error: unknown): boolean {
  return violatesUnique(error, promotions, "promotions_code_idx");
}

export function insertPromotion(db: Db, row: NewPromotion) {
  return db.insert(promotions).values(row);
}

export async function promotionById(db: Db, id: string): Promise<PromotionRow | undefined> {
  const [row] = await db.select().from(promotions).where(eq(promotions.id, id)).limit(1);
  return row;
}

/** Which promotions a list shows: one seller's, those of one funding, in one status; any when left out. */
export interface PromotionFilter {
  sellerId?: string;
  fundedBy?: PromotionRow["fundedBy"];
  status?: PromotionRow["status"];
}

/** A page of promotions, newest first, after the cursor's one; one more row than `limit` says a next page exists. */
export function promotionsPage(
  db: Db,
  filter: PromotionFilter,
  page: { limit: number; after?: { createdAt: number; id: string } },
) {
  const { sellerId, fundedBy, status } = filter;
  return db
    .select()
    .from(promotions)
    .where(
      and(
        sellerId ? eq(promotions.sellerId, sellerId) : undefined,
        fundedBy ? eq(promotions.fundedBy, fundedBy) : undefined,
        status ? eq(promotions.status, status) : undefined,
        page.after
          ? olderThan(promotions.createdAt, promotions.id, { time: page.after.createdAt, id: page.after.id })
          : undefined,
      ),
    )
    .orderBy(desc(promotions.createdAt), desc(promotions.id))
    .limit(page.limit + 1);
}

/** What must still hold when a change is written, besides the version it was decided on. */
export interface ChangeGuards {
  /** The kind or code changes: only while no order holds or has used the promotion. */
  unused: boolean;
  /** The new total limit, which must not fall below the uses already held. */
  usageLimit?: number | null;
}

/**
 * Writes the patch only if the promotion is still at `version` and the guards hold (checkouts raise `usesHeld`
 * without touching the version), and bumps the version. A statement for a batch: it was written when `changes()`
 * of its result is 1.
 */
export function updatePromotion(db: Db, id: string, version: number, patch: PromotionChanges, guards: ChangeGuards) {
  return db
    .update(promotions)
    .set({ ...patch, version: sql`${promotions.version} + 1` })
    .where(
      and(
        eq(promotions.id, id),
        eq(promotions.version, version),
        guards.unused ? eq(promotions.usesHeld, 0) : undefined,
        typeof guards.usageLimit === "number" ? lte(promotions.usesHeld, guards.usageLimit) : undefined,
      ),
    );
}
