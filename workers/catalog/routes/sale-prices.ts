import { createRouter } from "../../http/router";
import { jsonContent, PageQuery, problems } from "../../http/schemas";
import { securedRoute } from "../../identity";
import { callingSeller, requireSeller } from "../../sellers";
import { catalogContext } from "../context";
import { ListingIdParam, SalePriceBody, SalePriceIdParam, SalePricePageSchema, SalePriceSchema } from "../schemas";
import { listSalePrices, removeSalePrice, scheduleSalePrice } from "../service";
import { jsonBody as json, noContent, sellerTags } from "./replies";

const tags = sellerTags;

const schedule = securedRoute({
  method: "post",
  path: "/v1/seller/listings/{id}/sale-prices",
  operationId: "scheduleListingSalePrice",
  limit: "listings",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Put a listing on sale from one moment until another",
  description:
    "`from` and `until` are rounded down to the minute: the price switches at the first minute at or after each " +
    "(the price history then records it at that moment), and search, the book page, carts and checkouts use the " +
    "sale price while it is in force, with the regular price as `listPrice`. `from` may be at most a minute in " +
    "the past and `until` must be after it (400). The price must be below the listing's regular price (422 " +
    "`sale_price_not_reduced`) and the period must not overlap another scheduled or running sale of the listing " +
    "(409 `sale_price_overlap`, naming it as `salePriceId`). Another seller's listing is 404.",
  request: { params: ListingIdParam, body: json(SalePriceBody) },
  responses: {
    201: jsonContent(SalePriceSchema, "The scheduled sale"),
    ...problems(400, 404, 409, 415, 422),
  },
});

const list = securedRoute({
  method: "get",
  path: "/v1/seller/listings/{id}/sale-prices",
  operationId: "listListingSalePrices",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "A listing's sale prices: scheduled, in force and ended, latest start first",
  description:
    "Pages with `cursor` (the previous page's `nextCursor`) and `limit` (1–100, default 20). Another seller's " +
    "listing is 404.",
  request: { params: ListingIdParam, query: PageQuery },
  responses: { 200: jsonContent(SalePricePageSchema, "One page of sale prices"), ...problems(400, 404) },
});

const remove = securedRoute({
  method: "delete",
  path: "/v1/seller/listings/{id}/sale-prices/{salePriceId}",
  operationId: "removeListingSalePrice",
  limit: "listings",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Withdraw a scheduled sale, or end the one in force now",
  description:
    "A scheduled sale is removed. A sale in force ends at once: the regular price is back immediately, with a " +
    "price-history row and `ListingUpdated`, and the sale stays listed as `ended`. An ended sale is left as it " +
    "is. Another seller's listing, or a sale of another listing, is 404.",
  request: { params: SalePriceIdParam },
  responses: { ...noContent, ...problems(400, 404, 409) },
});

export const salePriceRoutes = createRouter()
  .openapi(schedule, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await scheduleSalePrice(catalogContext(c), callingSeller(c).id, id, c.req.valid("json")), 201);
  })
  .openapi(list, async (c) =>
    c.json(
      await listSalePrices(catalogContext(c), callingSeller(c).id, c.req.valid("param").id, c.req.valid("query")),
      200,
    ),
  )
  .openapi(remove, async (c) => {
    const { id, salePriceId } = c.req.valid("param");
    await removeSalePrice(catalogContext(c), callingSeller(c).id, id, salePriceId);
    return c.body(null, 204);
  });
