import { createRouter } from "../../http/router";
import { problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { communityContext } from "../context";
import { ThreadIdParam } from "../schemas";
import { followThread, unfollowThread } from "../service/follows";

const tags = ["Threads"];

const followRoute = securedRoute({
  method: "put",
  path: "/v1/threads/{id}/follow",
  operationId: "followThread",
  tags,
  summary: "Follow a thread: be told of every new comment in it",
  description:
    "Idempotent. Each new published comment by someone else sends a `CommentReplied` (reason `following`), by " +
    "mail to a confirmed address. A thread's author follows it from the start. A thread not shown is 404.",
  request: { params: ThreadIdParam },
  responses: { 204: { description: "Following" }, ...problems(400, 404) },
});

const unfollowRoute = securedRoute({
  method: "delete",
  path: "/v1/threads/{id}/follow",
  operationId: "unfollowThread",
  tags,
  summary: "Stop following a thread",
  description: "Idempotent: unfollowing a thread you do not follow changes nothing. An unknown thread is 404.",
  request: { params: ThreadIdParam },
  responses: { 204: { description: "Not following" }, ...problems(400, 404) },
});

export const followRoutes = createRouter()
  .openapi(followRoute, async (c) => {
    await followThread(communityContext(c), principalOf(c).userId, c.req.valid("param").id);
    return c.body(null, 204);
  })
  .openapi(unfollowRoute, async (c) => {
    await unfollowThread(communityContext(c), principalOf(c).userId, c.req.valid("param").id);
    return c.body(null, 204);
  });
