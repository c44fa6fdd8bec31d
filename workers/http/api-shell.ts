import { OpenAPIHono } from "@hono/zod-openapi";
import { cors } from "hono/cors";
import { secureHeaders } from "hono/secure-headers";
import { MoneySchema } from "../lib/money";
import type { AppEnv } from "./context";
import { BOOKMARK_HEADER, registerBookmark } from "./d1-bookmark";
import { notFound, onError } from "./errors";
import { d1UsageHeader } from "./middleware/d1-usage";
import { accessLog, init } from "./middleware/init";
import { requestId } from "./middleware/request-id";
import { openApiDocument } from "./openapi";

/**
 * What every app built from the modules' routes shares (the Worker's `createApp`, the read server's
 * `createReadApp`): request ids, configuration and services, access logs, security headers and CORS.
 */
export function apiShell() {
  const app = new OpenAPIHono<AppEnv>();
  // The generator declares a shared schema as it first meets it: met first as `.nullable()` (a book's lowest
  // price, in the read app), Money itself would be declared nullable. Declared first, it is declared as it is.
  app.openAPIRegistry.register("Money", MoneySchema);
  // overwrite: false lets a part with stricter headers of its own keep them (the console's pages).
  const headers = secureHeaders({ crossOriginResourcePolicy: "cross-origin", overwrite: false });
  app.use("*", requestId, init, d1UsageHeader, accessLog, headers);
  app.use(
    "/v1/*",
    cors({
      origin: (origin, c) => {
        const allowed = c.get("config").CORS_ORIGINS;
        return allowed.includes("*") || allowed.includes(origin) ? origin : null;
      },
      allowHeaders: [
        "authorization",
        "content-type",
        "idempotency-key",
        "x-request-id",
        "x-cart-token",
        BOOKMARK_HEADER,
      ],
      exposeHeaders: ["x-request-id", "x-cart-token", "retry-after", "location", BOOKMARK_HEADER],
      maxAge: 600,
    }),
  );
  return app;
}

/** `/openapi.json` describes exactly the routes mounted on `app`; every error answers problem+json. */
export function withDocumentAndErrors(app: OpenAPIHono<AppEnv>) {
  registerBookmark(app.openAPIRegistry);
  app.get("/openapi.json", (c) => c.json(openApiDocument(app, c.get("config").PUBLIC_BASE_URL)));
  app.notFound(notFound);
  app.onError(onError);
  return app;
}
