import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "../http/context";

/**
 * The console's pages: scripts and styles only from this Worker (no inline script, no eval), never framed,
 * forms posting only here, and nothing private kept by caches along the way.
 */
const policy = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:", "blob:"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
  },
  xFrameOptions: "DENY",
  referrerPolicy: "same-origin",
  crossOriginResourcePolicy: "same-origin",
});

export const consoleHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await policy(c, next);
  if (!c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "no-store");
  c.res.headers.set("vary", "cookie");
};
