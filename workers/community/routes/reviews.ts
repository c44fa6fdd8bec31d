import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { communityContext } from "../context";
import {
  IsbnParam,
  ReviewBody,
  ReviewIdParam,
  ReviewPageSchema,
  ReviewPatch,
  ReviewSchema,
  ReviewsQuery,
} from "../schemas";
import { deleteReview, editReview, postReview, reviewsOfBook } from "../service/reviews";

const tags = ["Reviews"];

const PLAIN_TEXT = "Title and body are plain text: they are stored and answered as written, never as HTML.";

const post = securedRoute({
  method: "post",
  path: "/v1/books/{isbn}/reviews",
  operationId: "postBookReview",
  limit: "reviews",
  tags,
  summary: "Review a book: stars, an optional title and your text",
  description:
    "One review per reader and work: it shows on every edition, keeping the one reviewed. A second one is 409 " +
    "`already_reviewed` (edit yours instead). `verified` is the server's finding that you received a copy of the " +
    "work from a seller here; it cannot be sent. A review the content filter flags is `pending` (only you see it " +
    `until a moderator decides) and counts in no rating. Posting is rate-limited (429 with Retry-After). ${PLAIN_TEXT}`,
  request: { params: IsbnParam, body: { content: { "application/json": { schema: ReviewBody } }, required: true } },
  responses: {
    201: jsonContent(ReviewSchema, "The review as stored"),
    ...problems(400, 404, 409, 413, 415, 422, 429),
  },
});

const list = publicRoute({
  method: "get",
  path: "/v1/books/{isbn}/reviews",
  operationId: "listBookReviews",
  tags,
  summary: "The published reviews of a book, all its editions",
  description:
    "Sorted by `sort` (helpful by default), optionally only verified purchases; pages with `cursor` (the " +
    "previous page's `nextCursor`, of the same sort) and `limit` (1–100, default 20). An unknown ISBN is 404.",
  request: { params: IsbnParam, query: ReviewsQuery },
  responses: { 200: jsonContent(ReviewPageSchema, "One page of reviews"), ...problems(400, 404, 422) },
});

const edit = securedRoute({
  method: "patch",
  path: "/v1/reviews/{id}",
  operationId: "updateReview",
  tags,
  summary: "Change your review: stars, title or text",
  description:
    "Only its author; another reader's review is 404. The edit is screened again: a published review the filter " +
    `flags goes back to \`pending\`. \`verified\` is checked again. ${PLAIN_TEXT}`,
  request: {
    params: ReviewIdParam,
    body: { content: { "application/json": { schema: ReviewPatch } }, required: true },
  },
  responses: { 200: jsonContent(ReviewSchema, "The review as stored"), ...problems(400, 404, 409, 413, 415, 422) },
});

const remove = securedRoute({
  method: "delete",
  path: "/v1/reviews/{id}",
  operationId: "deleteReview",
  tags,
  summary: "Delete your review",
  description: "Only its author; another reader's review is 404. Its helpful votes go with it.",
  request: { params: ReviewIdParam },
  responses: { 204: { description: "Deleted" }, ...problems(400, 404, 409) },
});

export const reviewRoutes = createRouter()
  .openapi(post, async (c) => {
    const review = await postReview(
      communityContext(c),
      principalOf(c).userId,
      c.req.valid("param").isbn,
      c.req.valid("json"),
    );
    return c.json(review, 201);
  })
  .openapi(list, async (c) => {
    return c.json(await reviewsOfBook(communityContext(c), c.req.valid("param").isbn, c.req.valid("query")), 200);
  })
  .openapi(edit, async (c) => {
    const review = await editReview(
      communityContext(c),
      principalOf(c).userId,
      c.req.valid("param").id,
      c.req.valid("json"),
    );
    return c.json(review, 200);
  })
  .openapi(remove, async (c) => {
    await deleteReview(communityContext(c), principalOf(c).userId, c.req.valid("param").id);
    return c.body(null, 204);
  });
