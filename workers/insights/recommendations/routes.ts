import { IsbnParam, requireIsbn } from "../../catalog";
import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { insightsContextOf } from "../context";
import { BookRecommendationsSchema, ReaderRecommendationsSchema } from "./schemas";
import { bookRecommendations, readerRecommendations } from "./service";

const tags = ["Recommendations"];

const forBook = publicRoute({
  method: "get",
  path: "/v1/books/{isbn}/recommendations",
  operationId: "getBookRecommendations",
  tags,
  summary: "Books bought together with this one, and books also viewed by its readers",
  description:
    "Rebuilt daily from paid orders and view sessions (cosine similarity), up to 10 of each; only editions with " +
    "a copy for sale now, at their lowest price in force. An edition with neither yet gets its category's best " +
    "sellers in `bestSellers`. An ISBN-10 is accepted.",
  request: { params: IsbnParam },
  responses: { 200: jsonContent(BookRecommendationsSchema, "The edition's recommendations"), ...problems(400, 422) },
});

const forReader = securedRoute({
  method: "get",
  path: "/v1/me/recommendations",
  operationId: "getMyRecommendations",
  tags,
  summary: "Books for you, from what you looked at and bought",
  description:
    "Leaves out what you bought and what is not for sale. While your history leads nowhere yet, the best " +
    "sellers of the categories you bought and looked in; with no history at all, the marketplace's best sellers.",
  responses: { 200: jsonContent(ReaderRecommendationsSchema, "Your recommendations"), ...problems(401) },
});

export const recommendationRoutes = createRouter()
  .openapi(forBook, async (c) =>
    c.json(await bookRecommendations(insightsContextOf(c), requireIsbn(c.req.valid("param").isbn)), 200),
  )
  .openapi(forReader, async (c) =>
    c.json(await readerRecommendations(insightsContextOf(c), principalOf(c).userId), 200),
  );
