import { z } from "@hono/zod-openapi";
import { AppError } from "../../http/errors";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { securedRoute } from "../../identity";
import { callingSeller, requireSeller } from "../../sellers";
import { catalogContext } from "../context";
import { ListingIdParam, PhotoIdParam, PhotoListSchema, PhotoOrderBody, PhotoSchema } from "../schemas";
import { addPhoto, removePhoto, reorderPhotos } from "../service";
import { jsonBody as json, noContent, sellerTags } from "./replies";

const tags = sellerTags;

const imageBody = { schema: z.string().openapi({ type: "string", format: "binary" }) };

const uploadPhoto = securedRoute({
  method: "post",
  path: "/v1/seller/listings/{id}/photos",
  operationId: "addListingPhoto",
  limit: "listings",
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
  limit: "listings",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Remove a photo",
  description:
    "The stored image is deleted too, so its media URL stops working. Another seller's listing, or a photo not on " +
    "this listing, is 404; emits `ListingUpdated`.",
  request: { params: PhotoIdParam },
  responses: { ...noContent, ...problems(400, 404) },
});

const orderPhotos = securedRoute({
  method: "put",
  path: "/v1/seller/listings/{id}/photos/order",
  operationId: "orderListingPhotos",
  limit: "listings",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Put a listing's photos in the order to show them",
  description:
    "`photoIds` must name every photo of the listing exactly once (422 otherwise); the listing, its public page " +
    "and the book page then show them in that order. Another seller's listing is 404; emits `ListingUpdated` " +
    "when the order changed.",
  request: { params: ListingIdParam, body: json(PhotoOrderBody) },
  responses: {
    200: jsonContent(PhotoListSchema, "The listing's photos, in the new order"),
    ...problems(400, 404, 415, 422),
  },
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

export const listingPhotoRoutes = createRouter()
  .openapi(uploadPhoto, async (c) => {
    const bytes = await uploadedBytes(c.req.raw);
    const photo = await addPhoto(catalogContext(c), callingSeller(c).id, c.req.valid("param").id, bytes);
    return c.json(photo, 201);
  })
  .openapi(deletePhoto, async (c) => {
    const { id, photoId } = c.req.valid("param");
    await removePhoto(catalogContext(c), callingSeller(c).id, id, photoId);
    return c.body(null, 204);
  })
  .openapi(orderPhotos, async (c) => {
    const { photoIds } = c.req.valid("json");
    const photos = await reorderPhotos(catalogContext(c), callingSeller(c).id, c.req.valid("param").id, photoIds);
    return c.json({ photos }, 200);
  });
