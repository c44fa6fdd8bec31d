import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "../../http/context";
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

/** The interactive reference page, served with its bundled assets (no CDN). */
export const docsRoutes = new Hono<AppEnv>()
  .get("/docs", pagePolicy, (c) => c.html(PAGE))
  .get("/docs/init.js", (c) => c.body(INIT, 200, { "content-type": "text/javascript; charset=utf-8" }))
  .get("/docs/swagger-ui.css", (c) =>
    c.body(swaggerUiCss, 200, { "content-type": "text/css; charset=utf-8", "cache-control": LONG_CACHE }),
  )
  .get("/docs/swagger-ui-bundle.js", (c) =>
    c.body(swaggerUiBundle, 200, { "content-type": "text/javascript; charset=utf-8", "cache-control": LONG_CACHE }),
  );
