import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../context";
import { AppError } from "../errors";

/**
 * Refuses bodies over `maxSize` bytes (MAX_BODY_BYTES when the route names none) with 413, whether or not the
 * client declared a Content-Length. Every route gets one from `publicRoute` or `securedRoute`.
 */
export function limitBody(maxSize?: number): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    const limit = maxSize ?? c.get("config").MAX_BODY_BYTES;
    return bodyLimit({
      maxSize: limit,
      onError: () => {
        throw new AppError("payload_too_large", `The request body exceeds ${limit} bytes.`);
      },
    })(c, next);
  };
}

/** Routes that take more than the default JSON limit: photo uploads and CSV imports. */
const LARGER_LIMITS: [RegExp, number][] = [
  [/^\/v1\/seller\/listings\/[^/]+\/photos$/, 5 * 1024 * 1024],
  [/^\/v1\/seller\/imports$/, 20 * 1024 * 1024],
];

/** Until every route declares its own limit: the limit by path, for the whole API. */
export const limitBodyByPath: MiddlewareHandler<AppEnv> = async (c, next) => {
  const path = new URL(c.req.url).pathname;
  return limitBody(LARGER_LIMITS.find(([pattern]) => pattern.test(path))?.[1])(c, next);
};
