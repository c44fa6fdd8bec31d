import { eq, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import { works } from "../../schema/catalog";
import { readChunked } from "../lib/chunked";
import type { Db, Statement } from "../platform/db";

/**
 * A work's star rating as the catalog shows it with every edition: the copy of community's aggregate kept on
 * the work row (`stars1`…`stars5`), so a book page or a result card reads it with the rest of its row.
 */

export type Stars = readonly [number, number, number, number, number];
export const NO_STARS: Stars = [0, 0, 0, 0, 0];

export interface Rating {
  /** Mean of the stars, to one decimal; null until the first review. */
  average: number | null;
  count: number;
  distribution: { "1": number; "2": number; "3": number; "4": number; "5": number };
}

export function ratingOf(stars: Stars): Rating {
  const count = stars.reduce((sum, n) => sum + n, 0);
  const total = stars.reduce((sum, n, i) => sum + n * (i + 1), 0);
  return {
    average: count === 0 ? null : Math.round((total / count) * 10) / 10,
    count,
    distribution: { "1": stars[0], "2": stars[1], "3": stars[2], "4": stars[3], "5": stars[4] },
  };
}

const STAR_COLUMNS = [works.stars1, works.stars2, works.stars3, works.stars4, works.stars5] as const;
const STAR_KEYS = ["stars1", "stars2", "stars3", "stars4", "stars5"] as const;

/** One published review's stars leaving (`from`) and/or arriving (`to`); 1–5, or null for none. */
export interface StarMove {
  from: number | null;
  to: number | null;
}

/**
 * The incremental change of a work's stars, as one statement to commit in the batch of the review write that
 * caused it. `onlyIf` guards it by a condition on that write (the review's new revision exists), so a write
 * that lost a race moves nothing. None when nothing moves.
 */
export function moveWorkStars(db: Db, workId: string, move: StarMove, onlyIf?: SQL): Statement | null {
  if (move.from === move.to) return null;
  const set: Partial<Record<(typeof STAR_KEYS)[number], SQL>> = {};
  if (move.from !== null) set[STAR_KEYS[move.from - 1]!] = sql`${STAR_COLUMNS[move.from - 1]!} - 1`;
  if (move.to !== null) set[STAR_KEYS[move.to - 1]!] = sql`${STAR_COLUMNS[move.to - 1]!} + 1`;
  const where = eq(works.id, workId);
  return db
    .update(works)
    .set(set)
    .where(onlyIf ? sql`${where} AND ${onlyIf}` : where);
}

/** The stars the catalog shows for works, by work id (works it does not know are left out). */
export async function workStars(db: Db, workIds: string[]): Promise<Map<string, Stars>> {
  const found = await readChunked(workIds, (part) =>
    db
      .select({
        id: works.id,
        s1: works.stars1,
        s2: works.stars2,
        s3: works.stars3,
        s4: works.stars4,
        s5: works.stars5,
      })
      .from(works)
      .where(inArray(works.id, part)),
  );
  return new Map(found.map((row) => [row.id, [row.s1, row.s2, row.s3, row.s4, row.s5] as const]));
}

/** Replaces a work's stars with a recomputed count (the nightly recompute, after drift). */
export function setWorkStars(db: Db, workId: string, stars: Stars): Statement {
  return db
    .update(works)
    .set({ stars1: stars[0], stars2: stars[1], stars3: stars[2], stars4: stars[3], stars5: stars[4] })
    .where(eq(works.id, workId));
}

/** Every work whose copy shows a rating (the nightly recompute also checks those left with no reviews). */
export async function ratedWorkIds(db: Db): Promise<string[]> {
  const rated = await db
    .select({ id: works.id })
    .from(works)
    .where(or(...STAR_COLUMNS.map((column) => ne(column, 0))));
  return rated.map((row) => row.id);
}
