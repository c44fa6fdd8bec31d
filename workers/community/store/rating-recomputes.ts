import { ratingRecomputes } from "../../../schema/community";
import type { Db, Statement } from "../../platform/db";

export type RatingRecomputeRow = typeof ratingRecomputes.$inferSelect;

export const insertRatingRecompute = (db: Db, row: RatingRecomputeRow): Statement =>
  db.insert(ratingRecomputes).values(row);
