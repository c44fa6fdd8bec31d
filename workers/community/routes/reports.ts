import { z } from "@hono/zod-openapi";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { communityContext } from "../context";
import { ReportBody, ReportSchema } from "../schemas";
import { reportContent } from "../service/reports";

const fileReport = securedRoute({
  method: "post",
  path: "/v1/reports",
  operationId: "reportContent",
  tags: ["Reports"],
  summary: "Report a review, seller review, comment or thread",
  description:
    "One report per reader and post (a second is 409 `already_reported`); your own post is 403 `own_content`; " +
    "a post that is not published is 404. After enough distinct readers report a post it is hidden until a " +
    "moderator decides (a hidden review's or seller review's stars leave the book's or seller's rating). Reports " +
    "are rate-limited per reader (429 with `Retry-After`).",
  request: { body: { content: { "application/json": { schema: ReportBody } }, required: true } },
  responses: {
    201: jsonContent(z.object({ report: ReportSchema }), "Report recorded"),
    ...problems(400, 403, 404, 409, 415, 422, 429),
  },
});

export const reportRoutes = createRouter().openapi(fileReport, async (c) => {
  const report = await reportContent(communityContext(c), principalOf(c).userId, c.req.valid("json"));
  return c.json({ report }, 201);
});
