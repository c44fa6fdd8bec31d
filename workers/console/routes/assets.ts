import { Hono } from "hono";
import type { AppEnv } from "../../http/context";
import { consoleAssets } from "../assets.generated";

/** The console's scripts and styles, under their content hash: cached for a year, changed by a new URL. */
export const assetRoutes = new Hono<AppEnv>().get("/assets/:hash/:name", (c) => {
  const asset = consoleAssets[c.req.param("name")];
  if (!asset || asset.hash !== c.req.param("hash")) return c.text("Not found", 404);
  return c.body(asset.body, 200, {
    "content-type": `${asset.type}; charset=utf-8`,
    "cache-control": "public, max-age=31536000, immutable",
  });
});
