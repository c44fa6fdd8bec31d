import { describe, expect, it } from "vitest";
import { isSlugTaken } from "../../workers/catalog/store/categories";
import { isIsbnTaken } from "../../workers/catalog/store/editions";
import { isOverPhotoLimit, isSkuTaken } from "../../workers/catalog/store/listings";

/** Drizzle's wrapper around a driver's error: the failed query in the message, the driver's error as cause. */
function failedQuery(driverMessage: string): Error {
  return new Error("Failed query: insert into ...", { cause: new Error(driverMessage) });
}

describe("write failures the catalog turns into 4xx answers, as either dialect words them", () => {
  it("recognises a taken slug, SKU or ISBN from D1 and from MySQL 8 or MariaDB", () => {
    expect(isSlugTaken(new Error("D1_ERROR: UNIQUE constraint failed: categories.slug: SQLITE_CONSTRAINT"))).toBe(true);
    expect(isSlugTaken(failedQuery("Duplicate entry 'crime' for key 'categories.categories_slug_idx'"))).toBe(true);
    expect(isSlugTaken(failedQuery("Duplicate entry 'crime' for key 'categories_slug_idx'"))).toBe(true);
    expect(isSkuTaken(new Error("UNIQUE constraint failed: listings.seller_id, listings.sku"))).toBe(true);
    expect(isSkuTaken(failedQuery("Duplicate entry 'sel_1-SKU-1' for key 'listings.listings_seller_sku_idx'"))).toBe(
      true,
    );
    expect(isIsbnTaken(failedQuery("Duplicate entry '9780261102217' for key 'editions_isbn13_idx'"))).toBe(true);
  });

  it("tells one unique index from another", () => {
    expect(isSlugTaken(failedQuery("Duplicate entry 'x' for key 'PRIMARY'"))).toBe(false);
    expect(isSkuTaken(new Error("UNIQUE constraint failed: editions.isbn13"))).toBe(false);
    expect(isIsbnTaken(failedQuery("Duplicate entry 'x' for key 'listings_seller_sku_idx'"))).toBe(false);
  });

  it("recognises the photo limit refusing an upload", () => {
    expect(isOverPhotoLimit(new Error("NOT NULL constraint failed: listing_photos.listing_id"))).toBe(true);
    expect(isOverPhotoLimit(failedQuery("Column 'listing_id' cannot be null (errno 1048) (sqlstate 23000)"))).toBe(
      true,
    );
    expect(isOverPhotoLimit(failedQuery("Duplicate entry 'pho_1' for key 'PRIMARY'"))).toBe(false);
  });
});
