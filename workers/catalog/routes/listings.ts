import { z } from "@hono/zod-openapi";
import { BookmarkHeaders } from "../../http/d1-bookmark";
import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { jsonContent, PageQuery, problems } from "../../http/schemas";
import { catalogReadContext } from "../context";
import { ListingIdParam, PricePointSchema, PublicListingSchema } from "../schemas";
import { listingPriceHistory, publicListing } from "../service";
import { notModified, respondCached } from "./replies";

const getListing = publicRoute({
  method: "get",
  path: "/v1/listings/{id}",
  operationId: "getListing",
  tags: ["Catalog"],
  summary: "A listing, whatever its status, with how many copies can be bought now (`available`)",
  description:
    "Paused and sold-out listings are answered too, since past orders link to them. The seller's SKU and stock " +
    "count are left out; the seller's store name is included.",
  request: { params: ListingIdParam, headers: BookmarkHeaders },
  responses: { 200: jsonContent(PublicListingSchema, "The listing"), ...notModified, ...problems(400, 404) },
});

const getPriceHistory = publicRoute({
  method: "get",
  path: "/v1/listings/{id}/price-history",
  operationId: "getListingPriceHistory",
  tags: ["Catalog"],
  summary: "Every price a listing has had, oldest first",
  description:
    "Each point is a price and when it took effect. Pages with `cursor` (the previous page's `nextCursor`) and " +
    "`limit` (1–100, default 20); an unknown listing is 404.",
  request: { params: ListingIdParam, query: PageQuery, headers: BookmarkHeaders },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(PricePointSchema), nextCursor: z.string().nullable() }),
      "One page of prices",
    ),
    ...notModified,
    ...problems(400, 404),
  },
});

export const listingRoutes = createRouter()
  .openapi(getListing, async (c) => {
    const result = await respondCached(c, await publicListing(catalogReadContext(c), c.req.valid("param").id));
    return result.notModified ? c.body(null, 304) : c.json(result.body, 200);
  })
  .openapi(getPriceHistory, async (c) => {
    const history = await listingPriceHistory(catalogReadContext(c), c.req.valid("param").id, c.req.valid("query"));
    const result = await respondCached(c, history);
    return result.notModified ? c.body(null, 304) : c.json(result.body, 200);
  });
