import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context";
import { BOOKMARK_HEADER, BOOKMARK_RESPONSE_HEADER } from "./d1-bookmark";
import { limitBody } from "./middleware/body-limit";

/** What a route declares besides its path: a stable `operationId` is required, security comes from the helper. */
export type RouteDeclaration = Omit<RouteConfig, "security" | "middleware" | "operationId"> & {
  operationId: string;
  /** Largest body accepted, in bytes (MAX_BODY_BYTES when left out). */
  bodyLimit?: number;
  middleware?: MiddlewareHandler<AppEnv>[];
};

/**
 * A route anyone may call: the OpenAPI document says so (`security: []`) and its body limit runs first. Routes
 * that need a signed-in caller use identity's `securedRoute`, built on this.
 */
export function publicRoute<const R extends RouteDeclaration>(declaration: R) {
  const { bodyLimit, middleware = [], ...route } = declaration;
  const responses = route.method === "get" ? route.responses : withBookmark(route.responses);
  return createRoute({ ...route, responses, security: [], middleware: [limitBody(bodyLimit), ...middleware] });
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
