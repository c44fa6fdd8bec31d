import { OpenAPIHono } from "@hono/zod-openapi";
import { cors } from "hono/cors";
import { secureHeaders } from "hono/secure-headers";
import { cartRoutes, mergeGuestCart } from "./cart";
import { catalogRoutes } from "./catalog";
import { docsRoutes } from "./docs";
import { healthRoutes } from "./health";
import type { AppEnv } from "./http/context";
import { BOOKMARK_HEADER, registerBookmark } from "./http/d1-bookmark";
import { notFound, onError } from "./http/errors";
import { d1UsageHeader } from "./http/middleware/d1-usage";
import { DEVELOPMENT_PATHS, developmentOnly } from "./http/middleware/development-only";
import { accessLog, init } from "./http/middleware/init";
import { requestId } from "./http/middleware/request-id";
import { openApiDocument } from "./http/openapi";
import { identityRoutes } from "./identity";
import { notificationRoutes } from "./notifications";
import { operationsRoutes } from "./operations";
import { orderLedger, orderRoutes } from "./orders";
import { paymentRoutes } from "./payments";
import { accountSellers, sellerRoutes } from "./sellers";

export function createApp() {
  const app = new OpenAPIHono<AppEnv>();

  app.use("*", requestId, init, d1UsageHeader, accessLog, secureHeaders({ crossOriginResourcePolicy: "cross-origin" }));
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
  for (const path of DEVELOPMENT_PATHS) app.use(path, developmentOnly);

  app.route("/", healthRoutes);
  // Identity cannot import the modules built on it: the seller profile and the guest-cart merge come in here.
  app.route("/", identityRoutes({ sellers: accountSellers, afterLogin: mergeGuestCart }));
  app.route("/", cartRoutes);
  app.route("/", notificationRoutes);
  // Payments' reconciliation is given the orders ledger here, so payments never imports orders.
  app.route("/", paymentRoutes(orderLedger));
  app.route("/", operationsRoutes);
  app.route("/", catalogRoutes);
  app.route("/", sellerRoutes);
  app.route("/", orderRoutes);
  app.route("/", docsRoutes);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
  });
  registerBookmark(app.openAPIRegistry);
  app.get("/openapi.json", (c) => c.json(openApiDocument(app, c.get("config").PUBLIC_BASE_URL)));

  app.notFound(notFound);
  app.onError(onError);
  return app;
}

export type App = ReturnType<typeof createApp>;
