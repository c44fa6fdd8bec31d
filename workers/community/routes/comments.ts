import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { communityContext } from "../context";
import {
  CommentBody,
  CommentIdParam,
  CommentPatch,
  CommentSchema,
  CommentsQuery,
  ReviewCommentsSchema,
  ReviewIdParam,
  ThreadIdParam,
} from "../schemas";
import { deleteComment, editComment, postComment, reviewComments } from "../service/comments";

const tags = ["Comments"];

const writing =
  "Plain text. With `parentId` it answers that comment (replies nest three levels deep: answering a reply's " +
  "reply is 422 `reply_too_deep`). The content filter may hold it as `pending` until a moderator approves it; " +
  "a published one tells the author it answers and the thread's followers (`CommentReplied`, by mail to a " +
  "confirmed address). Counts against the reader's posting limit (429 with `Retry-After`).";

const onThread = securedRoute({
  method: "post",
  path: "/v1/threads/{id}/comments",
  operationId: "commentOnThread",
  limit: "comments",
  tags,
  summary: "Comment on a thread, or reply to one of its comments",
  description: `${writing} A thread that is not shown is 404.`,
  request: {
    params: ThreadIdParam,
    body: { content: { "application/json": { schema: CommentBody } }, required: true },
  },
  responses: { 201: jsonContent(CommentSchema, "The comment"), ...problems(400, 404, 415, 422, 429) },
});

const onReview = securedRoute({
  method: "post",
  path: "/v1/reviews/{id}/comments",
  operationId: "commentOnReview",
  limit: "comments",
  tags,
  summary: "Comment on a review, or reply to one of its comments",
  description: `${writing} A review that is not published is 404.`,
  request: {
    params: ReviewIdParam,
    body: { content: { "application/json": { schema: CommentBody } }, required: true },
  },
  responses: { 201: jsonContent(CommentSchema, "The comment"), ...problems(400, 404, 415, 422, 429) },
});

const ofReview = publicRoute({
  method: "get",
  path: "/v1/reviews/{id}/comments",
  operationId: "listReviewComments",
  tags,
  summary: "The comments on a review, as a tree",
  description:
    "Top-level comments oldest first, each with its replies; `limit` top-level comments a page (1–50, default " +
    "20), `cursor` continues. A review that is not published is 404.",
  request: { params: ReviewIdParam, query: CommentsQuery },
  responses: { 200: jsonContent(ReviewCommentsSchema, "A page of the review's comments"), ...problems(400, 404) },
});

const edit = securedRoute({
  method: "patch",
  path: "/v1/comments/{id}",
  operationId: "updateComment",
  tags,
  summary: "Change the text of your comment",
  description:
    "The edit passes the content filter again: a comment it flags goes back to `pending`. Another reader's " +
    "comment is 404, the same as an unknown or deleted one.",
  request: {
    params: CommentIdParam,
    body: { content: { "application/json": { schema: CommentPatch } }, required: true },
  },
  responses: { 200: jsonContent(CommentSchema, "The comment as stored"), ...problems(400, 404, 415, 422) },
});

const remove = securedRoute({
  method: "delete",
  path: "/v1/comments/{id}",
  operationId: "deleteComment",
  tags,
  summary: "Delete your comment",
  description:
    "A comment with replies stays, shown as `deleted` with its text gone; one without disappears. Another " +
    "reader's comment is 404.",
  request: { params: CommentIdParam },
  responses: { 204: { description: "Deleted" }, ...problems(400, 404) },
});

export const commentRoutes = createRouter()
  .openapi(onThread, async (c) => {
    const subject = { type: "thread", id: c.req.valid("param").id } as const;
    return c.json(await postComment(communityContext(c), principalOf(c).userId, subject, c.req.valid("json")), 201);
  })
  .openapi(onReview, async (c) => {
    const subject = { type: "review", id: c.req.valid("param").id } as const;
    return c.json(await postComment(communityContext(c), principalOf(c).userId, subject, c.req.valid("json")), 201);
  })
  .openapi(ofReview, async (c) => {
    return c.json(await reviewComments(communityContext(c), c.req.valid("param").id, c.req.valid("query")), 200);
  })
  .openapi(edit, async (c) => {
    const ctx = communityContext(c);
    return c.json(await editComment(ctx, principalOf(c).userId, c.req.valid("param").id, c.req.valid("json")), 200);
  })
  .openapi(remove, async (c) => {
    await deleteComment(communityContext(c), principalOf(c).userId, c.req.valid("param").id);
    return c.body(null, 204);
  });
