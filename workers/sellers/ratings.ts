import { eq, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import { sellers } from "../../schema/sellers";
import { readChunked } from "../lib/chunked";
import type { Db, Statement } from "../platform/db";

/**
 * A seller's rating from buyers' published seller reviews, kept on the profile (`ratingCount`, `ratingTotal`):
 * moved in the batch of each seller-review write, recomputed nightly by community.
 */

export interface SellerRating {
  /** Mean stars to one decimal; null before the first review. */
  average: number | null;
  count: number;
}

export function sellerRatingOf(row: { ratingCount: number; ratingTotal: number }): SellerRating {
  return {
    average: row.ratingCount === 0 ? null : Math.round((row.ratingTotal / row.ratingCount) * 10) / 10,
    count: row.ratingCount,
  };
}

/** One published seller review's stars leaving (`from`) and/or arriving (`to`), guarded like a work's (catalog). */
export function moveSellerRating(
  db: Db,
  sellerId: string,
  move: { from: number | null; to: number | null },
  onlyIf?: SQL,
): Statement | null {
  if (move.from === move.to) return null;
  const count = (move.to === null ? 0 : 1) - (move.from === null ? 0 : 1);
  const total = (move.to ?? 0) - (move.from ?? 0);
  const where = eq(sellers.id, sellerId);
  return db
    .update(sellers)
    .set({ ratingCount: sql`${sellers.ratingCount} + ${count}`, ratingTotal: sql`${sellers.ratingTotal} + ${total}` })
    .where(onlyIf ? sql`${where} AND ${onlyIf}` : where);
}

/** The rating counts sellers show, by seller id. */
export async function sellerRatingCounts(
  db: Db,
  sellerIds: string[],
): Promise<Map<string, { count: number; total: number }>> {
  const found = await readChunked(sellerIds, (part) =>
    db
      .select({ id: sellers.id, count: sellers.ratingCount, total: sellers.ratingTotal })
      .from(sellers)
      .where(inArray(sellers.id, part)),
  );
  return new Map(found.map((row) => [row.id, { count: row.count, total: row.total }]));
}

/** Replaces a seller's rating counts with recomputed ones (the nightly recompute, after drift). */
export function setSellerRating(db: Db, sellerId: string, rating: { count: number; total: number }): Statement {
  return db
    .update(sellers)
    .set({ ratingCount: rating.count, ratingTotal: rating.total })
    .where(eq(sellers.id, sellerId));
}

/** Every seller whose profile shows a rating (the nightly recompute also checks those left with no reviews). */
export async function ratedSellerIds(db: Db): Promise<string[]> {
  const rated = await db
    .select({ id: sellers.id })
    .from(sellers)
    .where(or(ne(sellers.ratingCount, 0), ne(sellers.ratingTotal, 0)));
  return rated.map((row) => row.id);
}
