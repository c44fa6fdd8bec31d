import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { notifications } from "../../../schema/notifications";
import { olderThan } from "../../lib/keyset";
import type { Db } from "../../platform/db";

export type FeedRow = typeof notifications.$inferSelect;

export function insertFeedItem(db: Db, row: FeedRow) {
  return db.insert(notifications).values(row);
}

/** A page of a user's feed, newest first, after the cursor's item; `unreadOnly` leaves out what was read. */
export function feedPage(
  db: Db,
  userId: string,
  page: { unreadOnly: boolean; after?: { time: number; id: string }; limit: number },
) {
  return db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        page.unreadOnly ? isNull(notifications.readAt) : undefined,
        page.after ? olderThan(notifications.createdAt, notifications.id, page.after) : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(page.limit);
}

export function unreadCount(db: Db, userId: string) {
  return db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}

/** Marks the user's own unread items read: the given ids (another user's simply match nothing), or all of them. */
export function markRead(db: Db, userId: string, which: { ids: string[] } | { all: true }, now: number) {
  return db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        "ids" in which ? inArray(notifications.id, which.ids) : undefined,
      ),
    );
}
