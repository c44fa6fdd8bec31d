import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { communityContext } from "../context";
import { ReviewIdParam, VoteBody, VoteSchema } from "../schemas";
import { voteOnReview, withdrawVote } from "../service/votes";

const tags = ["Reviews"];

const vote = securedRoute({
  method: "put",
  path: "/v1/reviews/{id}/vote",
  operationId: "voteOnReview",
  tags,
  summary: "Say whether a review was helpful",
  description:
    "One vote per reader and review: voting again changes it. Your own review is 403 `own_review`; an unknown " +
    "or unpublished review is 404. Answers the review's counts after your vote.",
  request: { params: ReviewIdParam, body: { content: { "application/json": { schema: VoteBody } }, required: true } },
  responses: { 200: jsonContent(VoteSchema, "Your vote and the counts"), ...problems(400, 403, 404, 415) },
});

const withdraw = securedRoute({
  method: "delete",
  path: "/v1/reviews/{id}/vote",
  operationId: "withdrawReviewVote",
  tags,
  summary: "Take back your vote on a review",
  description: "Nothing to take back is fine (204 too). An unknown or unpublished review is 404.",
  request: { params: ReviewIdParam },
  responses: { 204: { description: "No vote of yours left" }, ...problems(400, 404) },
});

export const voteRoutes = createRouter()
  .openapi(vote, async (c) => {
    const { helpful } = c.req.valid("json");
    return c.json(
      await voteOnReview(communityContext(c), principalOf(c).userId, c.req.valid("param").id, helpful),
      200,
    );
  })
  .openapi(withdraw, async (c) => {
    await withdrawVote(communityContext(c), principalOf(c).userId, c.req.valid("param").id);
    return c.body(null, 204);
  });
