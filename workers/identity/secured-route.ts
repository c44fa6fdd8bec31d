import { publicRoute, type RouteDeclaration } from "../http/route";
import { problems } from "../http/schemas";
import type { Role } from "./jwt";
import { requireAuth, requireRole } from "./middleware";

const BEARER = [{ bearerAuth: [] }];

/**
 * A route for signed-in callers: a Bearer access token (401 without a valid one) and, with `role`, that role
 * (403 without it). The OpenAPI document gets the security requirement and both problems from here, so a route
 * cannot declare one and forget the other.
 */
export function securedRoute<const R extends RouteDeclaration & { role?: Role }>(declaration: R) {
  const { role, middleware = [], responses, ...route } = declaration;
  const guards = role ? [requireAuth, requireRole(role)] : [requireAuth];
  const defined = publicRoute({
    ...route,
    responses: { ...problems(...(role ? ([401, 403] as const) : ([401] as const))), ...responses } as R["responses"],
    middleware: [...guards, ...middleware],
  });
  return { ...defined, security: BEARER };
}
