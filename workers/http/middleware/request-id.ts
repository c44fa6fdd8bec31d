import type { MiddlewareHandler } from "hono";
import { newId } from "../../lib/ids";
import type { AppEnv } from "../context";

const ACCEPTABLE = /^[A-Za-z0-9._:-]{8,128}$/;

/** Echoes a well-formed incoming `X-Request-Id`, otherwise issues one; every response carries it. */
export const requestId: MiddlewareHandler<AppEnv> = async (c, next) => {
  const incoming = c.req.header("x-request-id");
  const id = incoming && ACCEPTABLE.test(incoming) ? incoming : newId("req");
  c.set("requestId", id);
  await next();
  c.res.headers.set("x-request-id", id);
};
