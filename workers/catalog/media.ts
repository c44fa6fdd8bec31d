import { AppError } from "../http/errors";
import { IMAGE_TYPES, sniffFileType } from "../lib/file-types";
import { newId } from "../lib/ids";
import type { CatalogContext } from "./context";
import { catalogEvents } from "./events";
import { type PhotoView, photoView } from "./offers";
import { bumpEditionVersion, bumpVersion } from "./store/editions";
import {
  bumpListingVersion,
  deletePhoto,
  insertPhoto,
  isOverPhotoLimit,
  listingWithBook,
  photoById,
  photoCount,
  photosOf,
  placePhoto,
} from "./store/listings";

/** Listing photos in R2, and serving media. */

const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const MAX_PHOTOS_PER_LISTING = 12;

async function ownListing(ctx: CatalogContext, sellerId: string, listingId: string) {
  const found = await listingWithBook(ctx.db, listingId);
  if (!found || found.listing.sellerId !== sellerId) throw new AppError("not_found", `No listing ${listingId}.`);
  return found;
}

function photosChanged(found: NonNullable<Awaited<ReturnType<typeof listingWithBook>>>) {
  return catalogEvents.listingUpdated(found.listing, found.isbn13, ["photos"]);
}

/**
 * Stores a photo of a listing. The type is decided by the file's first bytes: JPEG, PNG or WebP, anything
 * else (an HTML page named `.jpg`, say) is refused with 415 before it reaches storage.
 */
export async function addPhoto(
  ctx: CatalogContext,
  sellerId: string,
  listingId: string,
  body: ArrayBuffer,
): Promise<PhotoView> {
  const found = await ownListing(ctx, sellerId, listingId);
  const bytes = new Uint8Array(body);
  if (bytes.byteLength > MAX_PHOTO_BYTES) throw new AppError("payload_too_large", "A photo may be at most 5 MB.");
  const image = sniffFileType(bytes, IMAGE_TYPES);
  if (!image) throw new AppError("unsupported_media_type", "Send a JPEG, PNG or WebP image.");
  if ((await photoCount(ctx.db, listingId)) >= MAX_PHOTOS_PER_LISTING) throw tooManyPhotos();
  const id = newId("pho");
  const key = `${id}.${image.ext}`;
  await ctx.media.put(key, bytes, {
    httpMetadata: { contentType: image.type, cacheControl: "public, max-age=31536000, immutable" },
  });
  const now = Date.now();
  const row = { id, listingId, key, contentType: image.type, bytes: bytes.byteLength, createdAt: now };
  try {
    await ctx.services.outbox.commit(
      [
        // The listing's row first: concurrent uploads to it then count its photos one after the other.
        bumpListingVersion(ctx.db, listingId, now),
        insertPhoto(ctx.db, row, MAX_PHOTOS_PER_LISTING),
        bumpEditionVersion(ctx.db, found.listing.editionId, now),
        bumpVersion(ctx.db, "browse"),
      ],
      [photosChanged(found)],
    );
  } catch (error) {
    await ctx.media.delete(key).catch(() => undefined);
    throw isOverPhotoLimit(error) ? tooManyPhotos() : error;
  }
  return photoView(ctx, row);
}

const tooManyPhotos = () =>
  new AppError("too_many_photos", `A listing may have at most ${MAX_PHOTOS_PER_LISTING} photos.`, {
    maxPhotos: MAX_PHOTOS_PER_LISTING,
  });

export async function removePhoto(ctx: CatalogContext, sellerId: string, listingId: string, photoId: string) {
  const found = await ownListing(ctx, sellerId, listingId);
  const photo = await photoById(ctx.db, listingId, photoId);
  if (!photo) throw new AppError("not_found", `No photo ${photoId} on this listing.`);
  const now = Date.now();
  await ctx.services.outbox.commit(
    [
      deletePhoto(ctx.db, listingId, photoId),
      bumpListingVersion(ctx.db, listingId, now),
      bumpEditionVersion(ctx.db, found.listing.editionId, now),
      bumpVersion(ctx.db, "browse"),
    ],
    [photosChanged(found)],
  );
  await ctx.media.delete(photo.key);
}

/**
 * `PUT /v1/seller/listings/{id}/photos/order`: the listing's photos in the seller's order, which the listing and
 * book pages then show. The list must name every photo of the listing once (422 otherwise); the same order again
 * writes nothing.
 */
export async function reorderPhotos(
  ctx: CatalogContext,
  sellerId: string,
  listingId: string,
  photoIds: string[],
): Promise<PhotoView[]> {
  const found = await ownListing(ctx, sellerId, listingId);
  const current = await photosOf(ctx.db, [listingId]);
  const byId = new Map(current.map((photo) => [photo.id, photo]));
  const named = new Set(photoIds);
  if (named.size !== photoIds.length || photoIds.length !== current.length || photoIds.some((id) => !byId.has(id))) {
    throw new AppError("unprocessable", "Send every photo of this listing exactly once, in the order to show them.", {
      errors: [{ path: "photoIds", message: `must list the listing's ${current.length} photo(s), each once` }],
    });
  }
  const ordered = photoIds.map((id) => byId.get(id)!);
  if (ordered.some((photo, index) => photo.id !== current[index]!.id)) {
    const now = Date.now();
    await ctx.services.outbox.commit(
      [
        ...ordered.map((photo, index) => placePhoto(ctx.db, listingId, photo.id, index)),
        bumpListingVersion(ctx.db, listingId, now),
        bumpEditionVersion(ctx.db, found.listing.editionId, now),
        bumpVersion(ctx.db, "browse"),
      ],
      [photosChanged(found)],
    );
  }
  return ordered.map((photo) => photoView(ctx, photo));
}

/** Keys the media route serves: generated names only, so a key can never walk R2 outside our objects. */
const MEDIA_KEY = /^[a-z]{3}_[0-9a-f]{32}\.(jpg|png|webp)$/;

/** A stored image by key; without a body when `conditions` (If-None-Match …) say the client's copy is current. */
export async function storedMedia(
  ctx: CatalogContext,
  key: string,
  conditions: Headers,
): Promise<R2Object | R2ObjectBody> {
  if (!MEDIA_KEY.test(key)) throw new AppError("not_found", "No such media.");
  const object = await ctx.media.get(key, { onlyIf: conditions });
  if (!object) throw new AppError("not_found", "No such media.");
  return object;
}
