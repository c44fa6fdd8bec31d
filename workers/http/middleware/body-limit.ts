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
