import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context";
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
  return createRoute({ ...route, security: [], middleware: [limitBody(bodyLimit), ...middleware] });
}
