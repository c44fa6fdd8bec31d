import { z } from "@hono/zod-openapi";
import { secureHeaders } from "hono/secure-headers";
import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { swaggerUiBundle, swaggerUiCss } from "../ui-assets.generated";

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Book Bazaar API reference</title>
<link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
<div id="reference"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#reference", deepLinking: true, persistAuthorization: true });`;

const LONG_CACHE = "public, max-age=86400";

/**
 * Scripts and the document come only from this origin; Swagger UI sets inline styles and draws its icons as
 * data: images, and "Try it out" calls this API.
 */
const pagePolicy = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    frameAncestors: ["'none'"],
  },
});

const text = (contentType: string, description: string) => ({
  description,
  content: { [contentType]: { schema: z.string() } },
});

/** The reference page and its assets: declared like every route, but kept out of the API document they render. */
const asset = (path: string, operationId: string, contentType: string, description: string) =>
  publicRoute({ method: "get", path, operationId, hide: true, responses: { 200: text(contentType, description) } });

const page = publicRoute({
  method: "get",
  path: "/docs",
  operationId: "getApiReference",
  hide: true,
  middleware: [pagePolicy],
  responses: { 200: text("text/html", "The interactive API reference") },
});

/** The interactive reference page, served with its bundled assets (no CDN). */
export const docsRoutes = createRouter()
  .openapi(page, (c) => c.html(PAGE))
  .openapi(asset("/docs/init.js", "getApiReferenceScript", "text/javascript", "Starts the reference"), (c) =>
    c.body(INIT, 200, { "content-type": "text/javascript; charset=utf-8" }),
  )
  .openapi(asset("/docs/swagger-ui.css", "getSwaggerUiStyles", "text/css", "Swagger UI's styles"), (c) =>
    c.body(swaggerUiCss, 200, { "content-type": "text/css; charset=utf-8", "cache-control": LONG_CACHE }),
  )
  .openapi(asset("/docs/swagger-ui-bundle.js", "getSwaggerUiBundle", "text/javascript", "Swagger UI"), (c) =>
    c.body(swaggerUiBundle, 200, { "content-type": "text/javascript; charset=utf-8", "cache-control": LONG_CACHE }),
  );
