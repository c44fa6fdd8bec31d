import { z } from "@hono/zod-openapi";
import { AppError } from "../../http/errors";
import { createRouter } from "../../http/router";
import { jsonContent, PageQuery, problems } from "../../http/schemas";
import { securedRoute } from "../../identity";
import { callingSeller, requireSeller } from "../../sellers";
import { catalogContext } from "../context";
import { LISTING_STATUSES } from "../model";
import { CreateListingBody, ListingIdParam, ListingSchema, PhotoSchema, UpdateListingBody } from "../schemas";
import {
  addPhoto,
  createListing,
  listSellerListings,
  pauseListing,
  removePhoto,
  sellerListing,
  updateListing,
} from "../service";
import { noContent } from "./replies";

const tags = ["Seller listings"];
const json = <T extends z.ZodType>(schema: T) => ({
  content: { "application/json": { schema } },
  required: true,
});

const create = securedRoute({
  method: "post",
  path: "/v1/seller/listings",
  operationId: "createSellerListing",
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
  summary: "Your listings, newest first",
  description:
    "Every status unless `status` filters; each listing includes its SKU and quantity. Pages with `cursor` (the " +
    "previous page's `nextCursor`) and `limit` (1–100, default 20).",
  request: { query: PageQuery.extend({ status: z.enum(LISTING_STATUSES).optional() }) },
  responses: {
    200: jsonContent(z.object({ items: z.array(ListingSchema), nextCursor: z.string().nullable() }), "One page"),
    ...problems(400),
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
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Change a listing (price, quantity, condition, notes, status, cover options)",
  description:
    "A price change adds a row to the price history. The quantity is the number of copies on hand; it cannot " +
    "go below what checkouts hold (409). Emits `ListingUpdated` when anything changed.",
  request: { params: ListingIdParam, body: json(UpdateListingBody) },
  responses: { 200: jsonContent(ListingSchema, "The listing"), ...problems(400, 404, 409, 415, 422) },
});

const remove = securedRoute({
  method: "delete",
  path: "/v1/seller/listings/{id}",
  operationId: "pauseSellerListing",
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

const imageBody = { schema: z.string().openapi({ type: "string", format: "binary" }) };

const uploadPhoto = securedRoute({
  method: "post",
  path: "/v1/seller/listings/{id}/photos",
  operationId: "addListingPhoto",
  role: "seller",
  middleware: [requireSeller],
  bodyLimit: 5 * 1024 * 1024,
  tags,
  summary: "Add a photo of the copy (JPEG, PNG or WebP, at most 5 MB)",
  description:
    "Send the image as the body (any image Content-Type), or as the `photo` field of a multipart/form-data " +
    "form (what a browser file input sends). " +
    "The type is checked on the file's first bytes, not its name or declared type.",
  request: {
    params: ListingIdParam,
    body: {
      content: {
        "image/jpeg": imageBody,
        "image/png": imageBody,
        "image/webp": imageBody,
      },
      required: true,
    },
  },
  responses: {
    201: jsonContent(PhotoSchema, "The stored photo"),
    ...problems(400, 404, 413, 415, 422),
  },
});

const deletePhoto = securedRoute({
  method: "delete",
  path: "/v1/seller/listings/{id}/photos/{photoId}",
  operationId: "removeListingPhoto",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Remove a photo",
  description:
    "The stored image is deleted too, so its media URL stops working. Another seller's listing, or a photo not on " +
    "this listing, is 404; emits `ListingUpdated`.",
  request: {
    params: ListingIdParam.extend({
      photoId: z
        .string()
        .regex(/^pho_[0-9a-f]{32}$/, "a photo id (pho_…)")
        .openapi({ param: { name: "photoId", in: "path" } }),
    }),
  },
  responses: { ...noContent, ...problems(400, 404) },
});

/** The image bytes of an upload: the raw body, or the `photo` (or first file) field of a multipart form. */
async function uploadedBytes(request: Request): Promise<ArrayBuffer> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) return request.arrayBuffer();
  const form = await request.formData().catch(() => {
    throw new AppError("bad_request", "The multipart form could not be read; send the image in a `photo` field.");
  });
  const file = form.get("photo") ?? [...form.values()].find((value) => typeof value !== "string");
  if (!file || typeof file === "string") throw new AppError("bad_request", "Send the image in a `photo` field.");
  return file.arrayBuffer();
}

export const sellerListingRoutes = createRouter()
  .openapi(create, async (c) => {
    const listing = await createListing(catalogContext(c), callingSeller(c).id, c.req.valid("json"));
    c.header("location", `/v1/seller/listings/${listing.id}`);
    return c.json(listing, 201);
  })
  .openapi(list, async (c) =>
    c.json(await listSellerListings(catalogContext(c), callingSeller(c).id, c.req.valid("query")), 200),
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
  })
  .openapi(uploadPhoto, async (c) => {
    const bytes = await uploadedBytes(c.req.raw);
    const photo = await addPhoto(catalogContext(c), callingSeller(c).id, c.req.valid("param").id, bytes);
    return c.json(photo, 201);
  })
  .openapi(deletePhoto, async (c) => {
    const { id, photoId } = c.req.valid("param");
    await removePhoto(catalogContext(c), callingSeller(c).id, id, photoId);
    return c.body(null, 204);
  });
