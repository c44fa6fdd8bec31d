import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { communityContext } from "../context";
import {
  SellerIdParam,
  SellerOrderIdParam,
  SellerReviewBody,
  SellerReviewPageSchema,
  SellerReviewSchema,
  SellerReviewsQuery,
} from "../schemas";
import { reviewSeller, reviewsOfSeller } from "../service/seller-reviews";

const review = securedRoute({
  method: "post",
  path: "/v1/seller-orders/{id}/review",
  operationId: "reviewSeller",
  limit: "reviews",
  tags: ["Reviews"],
  summary: "Rate the seller of one of your delivered seller orders",
  description:
    "Once per seller order, by its buyer, after it is delivered (before: 409 `not_delivered`; twice: 409 " +
    "`already_reviewed`); another buyer's seller order is 404. The stars move the seller's rating shown on its " +
    "offers and store page; a comment the content filter flags keeps the review `pending`, out of the rating, " +
    "until a moderator approves it from the moderation queue. " +
    "The comment is plain text.",
  request: {
    params: SellerOrderIdParam,
    body: { content: { "application/json": { schema: SellerReviewBody } }, required: true },
  },
  responses: {
    201: jsonContent(SellerReviewSchema, "The seller review as stored"),
    ...problems(400, 404, 409, 413, 415, 422, 429),
  },
});

const list = publicRoute({
  method: "get",
  path: "/v1/sellers/{id}/reviews",
  operationId: "listSellerReviews",
  tags: ["Reviews"],
  summary: "What buyers said of a seller, newest first",
  description:
    "The published reviews of a store by the buyers of its delivered orders. Pages with `cursor` (the previous " +
    "page's `nextCursor`) and `limit` (1–100, default 20). An unknown seller is 404.",
  request: { params: SellerIdParam, query: SellerReviewsQuery },
  responses: { 200: jsonContent(SellerReviewPageSchema, "One page of seller reviews"), ...problems(400, 404) },
});

export const sellerReviewRoutes = createRouter()
  .openapi(review, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await reviewSeller(communityContext(c), principalOf(c).userId, id, c.req.valid("json")), 201);
  })
  .openapi(list, async (c) => {
    return c.json(await reviewsOfSeller(communityContext(c), c.req.valid("param").id, c.req.valid("query")), 200);
  });
