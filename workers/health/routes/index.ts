import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { jsonContent } from "../../http/schemas";
import { HealthSchema } from "../schemas";
import { checkHealth } from "../service";

const health = publicRoute({
  method: "get",
  path: "/v1/health",
  operationId: "getHealth",
  tags: ["Operations"],
  summary: "Liveness and D1 reachability",
  description:
    "Answers 200 with `status: ok` when D1 answers a trivial query, and 503 with `status: degraded` when it does " +
    "not; `checks.d1.latencyMs` is how long the check took.",
  responses: { 200: jsonContent(HealthSchema, "Healthy"), 503: jsonContent(HealthSchema, "D1 unreachable") },
});

/** The health check, mounted once in workers/app.ts. */
export const healthRoutes = createRouter().openapi(health, async (c) => {
  const body = await checkHealth({ services: c.get("services"), log: c.get("log") });
  return body.checks.d1.ok ? c.json(body, 200) : c.json(body, 503);
});
