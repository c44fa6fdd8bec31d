import { NO_STARS, ratedWorkIds, type Stars, setWorkStars, workStars } from "../../catalog";
import { newId } from "../../lib/ids";
import { atomically, type Statement } from "../../platform/db";
import { ratedSellerIds, sellerRatingCounts, setSellerRating } from "../../sellers";
import type { CommunityContext } from "../context";
import { insertRatingRecompute, type RatingRecomputeRow } from "../store/rating-recomputes";
import { publishedStarCounts } from "../store/reviews";
import { publishedSellerCounts } from "../store/seller-reviews";

/**
 * The nightly recompute (the seed's daily aggregation): every work's stars and every seller's rating counted
 * again from the published reviews, compared with the copies the catalog and the sellers show, and the drifted
 * ones set right. Works and sellers whose copy shows a rating are checked too, so one whose last review went
 * away is set back to none. A review written while it runs may be counted in neither read; the next night fixes it.
 */

/** Statements per batch: well inside what one D1 batch (or one MySQL transaction) should carry. */
const FIXES_PER_BATCH = 100;

const sameStars = (a: Stars, b: Stars) => a.every((n, i) => n === b[i]);

export async function recomputeRatings(ctx: CommunityContext, now = Date.now()): Promise<RatingRecomputeRow> {
  const { db } = ctx.services;
  const [starRows, sellerRows, ratedWorks, ratedSellers] = await Promise.all([
    publishedStarCounts(db),
    publishedSellerCounts(db),
    ratedWorkIds(db),
    ratedSellerIds(db),
  ]);

  const counted = new Map<string, number[]>();
  for (const row of starRows) {
    const stars = counted.get(row.workId) ?? [...NO_STARS];
    stars[row.rating - 1] = row.count;
    counted.set(row.workId, stars);
  }
  const workIds = [...new Set([...counted.keys(), ...ratedWorks])];
  const shownStars = await workStars(db, workIds);
  const fixes: Statement[] = [];
  let worksCorrected = 0;
  for (const [workId, shown] of shownStars) {
    const stars = (counted.get(workId) ?? NO_STARS) as Stars;
    if (sameStars(shown, stars)) continue;
    fixes.push(setWorkStars(db, workId, stars));
    worksCorrected++;
  }

  const sellerCounts = new Map(sellerRows.map((row) => [row.sellerId, { count: row.count, total: row.total }]));
  const sellerIds = [...new Set([...sellerCounts.keys(), ...ratedSellers])];
  const shownRatings = await sellerRatingCounts(db, sellerIds);
  let sellersCorrected = 0;
  for (const [sellerId, shown] of shownRatings) {
    const rating = sellerCounts.get(sellerId) ?? { count: 0, total: 0 };
    if (shown.count === rating.count && shown.total === rating.total) continue;
    fixes.push(setSellerRating(db, sellerId, rating));
    sellersCorrected++;
  }

  const run: RatingRecomputeRow = {
    id: newId("rrc"),
    worksChecked: shownStars.size,
    worksCorrected,
    sellersChecked: shownRatings.size,
    sellersCorrected,
    ranAt: now,
  };
  const statements = [...fixes, insertRatingRecompute(db, run)];
  for (let i = 0; i < statements.length; i += FIXES_PER_BATCH) {
    await atomically(db, statements.slice(i, i + FIXES_PER_BATCH));
  }
  const drifted = worksCorrected + sellersCorrected > 0;
  (drifted ? ctx.log.warn : ctx.log.info)("ratings recomputed", { ...run });
  return run;
}
