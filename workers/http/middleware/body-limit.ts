import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../context";
import { AppError } from "../errors";

/** Routes that take more than the default JSON limit: photo uploads and CSV imports. */
const LARGER_LIMITS: [RegExp, number][] = [
  [/^\/v1\/seller\/listings\/[^/]+\/photos$/, 5 * 1024 * 1024],
  [/^\/v1\/seller\/imports$/, 20 * 1024 * 1024],
];

/** Refuses bodies over the limit with 413, whether or not the client declared a Content-Length. */
export const limitBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  const path = new URL(c.req.url).pathname;
  const maxSize = LARGER_LIMITS.find(([pattern]) => pattern.test(path))?.[1] ?? c.get("config").MAX_BODY_BYTES;
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError("payload_too_large", `The request body exceeds ${maxSize} bytes.`);
    },
  })(c, next);
};
