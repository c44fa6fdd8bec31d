import { createRouter } from "../../http/router";
import { jsonContent, PageQuery, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { operationsContextOf } from "../context";
import { DeadLetterIdParam, DeadLetterPage, DeadLetterSchema } from "../schemas";
import { deadLetterPage, replayDeadLetter } from "../service";

const list = securedRoute({
  method: "get",
  path: "/v1/admin/dead-letters",
  operationId: "listDeadLetters",
  role: "admin",
  tags: ["Operations"],
  summary: "Messages that exhausted their retries, newest first",
  description: "Fields named like secrets (tokens, passwords) show as `[redacted]`.",
  request: { query: PageQuery },
  responses: { 200: jsonContent(DeadLetterPage, "A page of dead letters"), ...problems(400, 401, 403) },
});

const replay = securedRoute({
  method: "post",
  path: "/v1/admin/dead-letters/{id}/replay",
  operationId: "replayDeadLetter",
  role: "admin",
  tags: ["Operations"],
  summary: "Send a dead letter back to its queue; consumers that already handled it skip it",
  description: "A dead letter older than 30 days (the processed-event markers' retention) cannot be replayed.",
  request: { params: DeadLetterIdParam },
  responses: { 202: jsonContent(DeadLetterSchema, "Re-sent"), ...problems(400, 401, 403, 404, 422) },
});

export const deadLetterRoutes = createRouter()
  .openapi(list, async (c) => c.json(await deadLetterPage(operationsContextOf(c), c.req.valid("query")), 200))
  .openapi(replay, async (c) =>
    c.json(await replayDeadLetter(operationsContextOf(c), principalOf(c), c.req.valid("param").id), 202),
  );
