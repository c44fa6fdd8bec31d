import { createRouter } from "../../http/router";
import { decodeCursor, encodeCursor, jsonContent, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { notificationsContext } from "../context";
import { FeedCursor, FeedPageSchema, FeedQuery, MarkReadBody, UnreadCountSchema } from "../schemas";
import { feedOf, markFeedRead } from "../service/feed";

const tags = ["Notifications"];

const feedRoute = securedRoute({
  method: "get",
  path: "/v1/me/notifications",
  operationId: "listNotifications",
  tags,
  summary: "The account's in-app feed, newest first, with its unread count",
  description:
    "`unread=true` lists only the items not read yet. Pages with `cursor` (the previous page's `nextCursor`) and " +
    "`limit` (1–100, default 20). `unreadCount` counts every unread item, whatever the page.",
  request: { query: FeedQuery },
  responses: { 200: jsonContent(FeedPageSchema, "One page of the feed"), ...problems(400) },
});

const markReadRoute = securedRoute({
  method: "post",
  path: "/v1/me/notifications/read",
  operationId: "markNotificationsRead",
  tags,
  summary: "Mark feed items read: some by id, or all of them",
  description:
    "`{ids: [...]}` (1–100) marks those of the caller's items; ids of anyone else's items, or unknown ones, are " +
    "ignored. `{all: true}` marks every item. Answers the unread count after the change.",
  request: { body: { content: { "application/json": { schema: MarkReadBody } }, required: true } },
  responses: { 200: jsonContent(UnreadCountSchema, "What is left unread"), ...problems(400, 415) },
});

export const feedRoutes = createRouter()
  .openapi(feedRoute, async (c) => {
    const { unread, cursor, limit } = c.req.valid("query");
    const after = decodeCursor(cursor, FeedCursor);
    const page = await feedOf(notificationsContext(c), principalOf(c).userId, {
      unreadOnly: unread === true,
      after: after && { time: after.t, id: after.id },
      limit,
    });
    const nextCursor = page.last ? encodeCursor({ t: page.last.time, id: page.last.id }) : null;
    return c.json({ items: page.items, unreadCount: page.unreadCount, nextCursor }, 200);
  })
  .openapi(markReadRoute, async (c) =>
    c.json(await markFeedRead(notificationsContext(c), principalOf(c).userId, c.req.valid("json")), 200),
  );
