import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context";
import { BOOKMARK_HEADER, BOOKMARK_RESPONSE_HEADER } from "./d1-bookmark";
import { limitBody } from "./middleware/body-limit";
import { limitRate, type RouteLimit, rateLimitExtension } from "./rate-limit";
import { problems } from "./schemas";

/** What a route declares besides its path: a stable `operationId` is required, security comes from the helper. */
export type RouteDeclaration = Omit<RouteConfig, "security" | "middleware" | "operationId"> & {
  operationId: string;
  /** Largest body accepted, in bytes (MAX_BODY_BYTES when left out). */
  bodyLimit?: number;
  middleware?: MiddlewareHandler<AppEnv>[];
  /**
   * The request budget it is counted against (`workers/http/rate-limit.ts`); every write gets `writes` when it
   * names none, and a read only when it names one (search, suggest).
   */
  limit?: RouteLimit;
};

/**
 * A route anyone may call: the OpenAPI document says so (`security: []`) and its body limit runs first. Routes
 * that need a signed-in caller use identity's `securedRoute`, built on this. The rate limiter runs last, after
 * the guards, so it counts the signed-in user; the operation's `x-rate-limit` extension names its budget.
 */
export function publicRoute<const R extends RouteDeclaration>(declaration: R) {
  const { bodyLimit, middleware = [], limit: declared, ...route } = declaration;
  const limit = declared ?? (route.method === "get" ? undefined : "writes");
  const declaredResponses = limit && limit !== "webhook" ? { ...problems(429), ...route.responses } : route.responses;
  const responses = route.method === "get" ? declaredResponses : withBookmark(declaredResponses);
  const limiter = limit ? [limitRate(limit)] : [];
  return createRoute({
    ...route,
    responses,
    security: [],
    middleware: [limitBody(bodyLimit), ...middleware, ...limiter],
    ...(limit ? { "x-rate-limit": rateLimitExtension(limit) } : {}),
  });
}

/** A write's successful answers carry the D1 bookmark of what it wrote (see `d1-bookmark.ts`). */
function withBookmark<T extends RouteConfig["responses"]>(responses: T): T {
  const entries = Object.entries(responses).map(([status, response]) =>
    status.startsWith("2") && !("$ref" in response)
      ? [status, { ...response, headers: { ...response.headers, [BOOKMARK_HEADER]: BOOKMARK_RESPONSE_HEADER } }]
      : [status, response],
  );
  return Object.fromEntries(entries) as T;
}
