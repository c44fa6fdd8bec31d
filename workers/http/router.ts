import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./context";
import { validationError } from "./errors";

const TARGET_NAMES: Record<string, string> = { json: "body", query: "query", param: "path", header: "headers" };

/** Every module's routes hang off one of these: zod failures become a 400 problem naming the fields. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, TARGET_NAMES[result.target] ?? result.target);
    },
  });
}

export type Router = ReturnType<typeof createRouter>;
