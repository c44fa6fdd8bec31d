import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/context";
import { sellerOf } from "../sellers";

/**
 * Pages of a shop: the signed-in user's seller profile becomes the request's `seller`, as `requireSeller` does for
 * the API, so every service call is scoped to it. Without one, the user is offered the onboarding form.
 */
export const requireShop: MiddlewareHandler<AppEnv> = async (c, next) => {
  const seller = await sellerOf({ services: c.get("services") }, c.get("principal")!.userId);
  if (!seller) {
    if (c.req.header("hx-request")) return c.body(null, 204, { "hx-redirect": "/console/onboarding" });
    return c.redirect("/console/onboarding", 303);
  }
  c.set("seller", seller);
  await next();
};
