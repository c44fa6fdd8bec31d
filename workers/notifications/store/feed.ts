import { notifications } from "../../../schema/notifications";
import type { Db } from "../../platform/db";

export type FeedRow = typeof notifications.$inferSelect;

export function insertFeedItem(db: Db, row: FeedRow) {
  return db.insert(notifications).values(row);
}
