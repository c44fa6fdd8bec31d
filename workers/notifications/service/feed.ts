import { atomically, readTogether } from "../../platform/db";
import type { NotificationsContext } from "../context";
import { type FeedRow, feedPage, markRead, unreadCount } from "../store/feed";
import { type FeedItem, feedItemView } from "./notify";

export interface FeedPage {
  items: FeedItem[];
  unreadCount: number;
  /** The last item served, to continue after; undefined on the last page. */
  last?: { time: number; id: string };
}

/** One page of the user's feed with their unread count, read in one round trip. */
export async function feedOf(
  ctx: NotificationsContext,
  userId: string,
  page: { unreadOnly: boolean; after?: { time: number; id: string }; limit: number },
): Promise<FeedPage> {
  const { db } = ctx.services;
  const [rows, [counted]] = (await readTogether(db, [
    feedPage(db, userId, { ...page, limit: page.limit + 1 }),
    unreadCount(db, userId),
  ])) as [FeedRow[], { unread: number }[]];
  const shown = rows.slice(0, page.limit);
  const last = rows.length > page.limit ? shown.at(-1) : undefined;
  return {
    items: shown.map(feedItemView),
    unreadCount: Number(counted?.unread ?? 0),
    last: last && { time: last.createdAt, id: last.id },
  };
}

/** Marks items read (only the user's own) and answers how many are left unread. */
export async function markFeedRead(
  ctx: NotificationsContext,
  userId: string,
  which: { ids: string[] } | { all: true },
  now = Date.now(),
): Promise<{ unreadCount: number }> {
  const { db } = ctx.services;
  const [, [counted]] = (await atomically(db, [markRead(db, userId, which, now), unreadCount(db, userId)])) as [
    unknown,
    { unread: number }[],
  ];
  return { unreadCount: Number(counted?.unread ?? 0) };
}
