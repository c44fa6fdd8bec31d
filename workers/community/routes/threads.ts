import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { communityContext } from "../context";
import {
  CommentsQuery,
  IsbnParam,
  ThreadBody,
  ThreadDetailSchema,
  ThreadIdParam,
  ThreadPage,
  ThreadPatch,
  ThreadSchema,
  ThreadsQuery,
} from "../schemas";
import { threadDetail } from "../service/comments";
import { bookThreads, deleteThread, editThread, startThread } from "../service/threads";

const tags = ["Threads"];

const start = securedRoute({
  method: "post",
  path: "/v1/books/{isbn}/threads",
  operationId: "startThread",
  limit: "comments",
  tags,
  summary: "Open a discussion thread about a book",
  description:
    "The thread belongs to the book's work (every edition shows it) and keeps the edition it was opened from. " +
    "Title and body are plain text. The content filter may hold it as `pending` until a moderator approves it; " +
    "its author follows it from the start. Counts against the reader's posting limit (429 with `Retry-After`).",
  request: {
    params: IsbnParam,
    body: { content: { "application/json": { schema: ThreadBody } }, required: true },
  },
  responses: { 201: jsonContent(ThreadSchema, "The thread"), ...problems(400, 404, 415, 422, 429) },
});

const list = publicRoute({
  method: "get",
  path: "/v1/books/{isbn}/threads",
  operationId: "listBookThreads",
  tags,
  summary: "The published threads about a book, most recently active first",
  description:
    "Threads opened from any edition of the book's work. Pages with `cursor` (the previous page's `nextCursor`) " +
    "and `limit` (1–100, default 20). An ISBN of no edition is 404.",
  request: { params: IsbnParam, query: ThreadsQuery },
  responses: { 200: jsonContent(ThreadPage, "One page of threads"), ...problems(400, 404, 422) },
});

const read = publicRoute({
  method: "get",
  path: "/v1/threads/{id}",
  operationId: "getThread",
  tags,
  summary: "A thread and its comments as a tree",
  description:
    "Comments nest three levels deep: top-level comments oldest first, each with its replies. A page holds " +
    "`limit` top-level comments (1–50, default 20) with every reply under them; `cursor` (the previous " +
    "page's `nextCursor`) continues. A deleted comment with replies shows as `deleted` with no body. A held, " +
    "hidden or removed thread is 404.",
  request: { params: ThreadIdParam, query: CommentsQuery },
  responses: { 200: jsonContent(ThreadDetailSchema, "The thread and a page of its comments"), ...problems(400, 404) },
});

const edit = securedRoute({
  method: "patch",
  path: "/v1/threads/{id}",
  operationId: "updateThread",
  tags,
  summary: "Change the title or body of your thread",
  description:
    "The edit passes the content filter again: a thread it flags goes back to `pending`. Another reader's " +
    "thread is 404, the same as an unknown one.",
  request: {
    params: ThreadIdParam,
    body: { content: { "application/json": { schema: ThreadPatch } }, required: true },
  },
  responses: { 200: jsonContent(ThreadSchema, "The thread as stored"), ...problems(400, 404, 415, 422) },
});

const remove = securedRoute({
  method: "delete",
  path: "/v1/threads/{id}",
  operationId: "deleteThread",
  tags,
  summary: "Delete your thread",
  description:
    "Its title and body are gone at once. A thread with comments stays, shown as deleted, so the conversation " +
    "is kept; one without disappears. Another reader's thread is 404.",
  request: { params: ThreadIdParam },
  responses: { 204: { description: "Deleted" }, ...problems(400, 404) },
});

export const threadRoutes = createRouter()
  .openapi(start, async (c) => {
    const { isbn } = c.req.valid("param");
    const thread = await startThread(communityContext(c), principalOf(c).userId, isbn, c.req.valid("json"));
    return c.json(thread, 201);
  })
  .openapi(list, async (c) => {
    return c.json(await bookThreads(communityContext(c), c.req.valid("param").isbn, c.req.valid("query")), 200);
  })
  .openapi(read, async (c) => {
    return c.json(await threadDetail(communityContext(c), c.req.valid("param").id, c.req.valid("query")), 200);
  })
  .openapi(edit, async (c) => {
    const ctx = communityContext(c);
    return c.json(await editThread(ctx, principalOf(c).userId, c.req.valid("param").id, c.req.valid("json")), 200);
  })
  .openapi(remove, async (c) => {
    await deleteThread(communityContext(c), principalOf(c).userId, c.req.valid("param").id);
    return c.body(null, 204);
  });
