import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { securedRoute } from "../../identity";
import { callingSeller, requireSeller } from "../../sellers";
import { catalogContext } from "../context";
import {
  CreateListingBody,
  ListingIdParam,
  ListingPageSchema,
  ListingSchema,
  ListingsStatusBody,
  ListingsStatusResultSchema,
  SellerListingsQuery,
  UpdateListingBody,
} from "../schemas";
import {
  createListing,
  listSellerListings,
  pauseListing,
  sellerListing,
  setListingsStatus,
  updateListing,
} from "../service";
import { jsonBody as json, noContent, sellerTags } from "./replies";

const tags = sellerTags;

const create = securedRoute({
  method: "post",
  path: "/v1/seller/listings",
  operationId: "createSellerListing",
  limit: "listings",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "List a copy of a book",
  description:
    "A known ISBN (10 or 13, hyphens allowed) reuses its edition; an unknown one must come with `title` and " +
    "`authors` and creates the work and edition. Emits `ListingCreated`.",
  request: { body: json(CreateListingBody) },
  responses: {
    201: jsonContent(ListingSchema, "The listing, with its id and its cover options' ids"),
    ...problems(400, 409, 415, 422),
  },
});

const list = securedRoute({
  method: "get",
  path: "/v1/seller/listings",
  operationId: "listSellerListings",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Your listings: search, filter and sort them (newest first by default)",
  description:
    "Every status unless `status` filters; `condition` (comma-separated) and `lowStock=true` filter too, and `q` " +
    "finds a title or SKU containing it, or an ISBN (10 or 13, or some of its digits). Each listing includes its " +
    "SKU, quantity and low-stock threshold. Pages with `cursor` (the previous page's `nextCursor`, valid only " +
    "with the same `sort`; another is 400 `invalid_cursor`) and `limit` (1–100, default 20).",
  request: { query: SellerListingsQuery },
  responses: { 200: jsonContent(ListingPageSchema, "One page"), ...problems(400) },
});

const changeStatus = securedRoute({
  method: "post",
  path: "/v1/seller/listings/status",
  operationId: "setSellerListingsStatus",
  limit: "listings",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Pause or resume up to 100 listings at once",
  description:
    "Each id is `updated` (its `status` is then the one asked for, or `sold_out` when resumed with no copies) or " +
    "`not_found`: an unknown id and another seller's listing alike, which is left unchanged. Emits " +
    "`ListingUpdated` for each listing whose status changed, as a single change does.",
  request: { body: json(ListingsStatusBody) },
  responses: {
    200: jsonContent(ListingsStatusResultSchema, "One result per id, in the order sent"),
    ...problems(400, 415),
  },
});

const read = securedRoute({
  method: "get",
  path: "/v1/seller/listings/{id}",
  operationId: "getSellerListing",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "One of your listings",
  description:
    "Another seller's listing is 404, the same as an unknown id. Unlike `GET /v1/listings/{id}`, it includes the " +
    "SKU and quantity.",
  request: { params: ListingIdParam },
  responses: { 200: jsonContent(ListingSchema, "The listing"), ...problems(400, 404) },
});

const update = securedRoute({
  method: "patch",
  path: "/v1/seller/listings/{id}",
  operationId: "updateSellerListing",
  limit: "listings",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Change a listing (price, quantity, low-stock threshold, condition, notes, status, cover options)",
  description:
    "A price change adds a row to the price history. The price sent is the regular price: while a sale price is " +
    "in force it becomes `listPrice` and the sale price stays `price` until the sale ends, and it must stay above " +
    "every scheduled or running sale price (422 `sale_price_not_reduced`). The quantity is the number of copies on hand; it cannot " +
    "go below what checkouts hold (409). Once `lowStockThreshold` is above 0, a sale or recount that takes the " +
    "copies available to it or below emits `StockLow`. Emits `ListingUpdated` when anything changed.",
  request: { params: ListingIdParam, body: json(UpdateListingBody) },
  responses: { 200: jsonContent(ListingSchema, "The listing"), ...problems(400, 404, 409, 415, 422) },
});

const remove = securedRoute({
  method: "delete",
  path: "/v1/seller/listings/{id}",
  operationId: "pauseSellerListing",
  limit: "listings",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Take a listing down (it is paused, so orders that name it keep working)",
  description:
    "Sets the status to `paused` (PATCH `status: active` puts it back on sale); nothing is deleted. Another " +
    "seller's listing is 404; emits `ListingUpdated` when the status changed.",
  request: { params: ListingIdParam },
  responses: { ...noContent, ...problems(400, 404) },
});

export const sellerListingRoutes = createRouter()
  .openapi(create, async (c) => {
    const listing = await createListing(catalogContext(c), callingSeller(c).id, c.req.valid("json"));
    c.header("location", `/v1/seller/listings/${listing.id}`);
    return c.json(listing, 201);
  })
  .openapi(list, async (c) =>
    c.json(await listSellerListings(catalogContext(c), callingSeller(c).id, c.req.valid("query")), 200),
  )
  .openapi(changeStatus, async (c) =>
    c.json(await setListingsStatus(catalogContext(c), callingSeller(c).id, c.req.valid("json")), 200),
  )
  .openapi(read, async (c) =>
    c.json(await sellerListing(catalogContext(c), callingSeller(c).id, c.req.valid("param").id), 200),
  )
  .openapi(update, async (c) => {
    const changes = c.req.valid("json");
    return c.json(await updateListing(catalogContext(c), callingSeller(c).id, c.req.valid("param").id, changes), 200);
  })
  .openapi(remove, async (c) => {
    await pauseListing(catalogContext(c), callingSeller(c).id, c.req.valid("param").id);
    return c.body(null, 204);
  });
