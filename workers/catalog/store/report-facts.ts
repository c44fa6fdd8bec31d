import { eq, inArray, lt } from "drizzle-orm";
import { categories, editionCategories, editions, listings } from "../../../schema/catalog";
import { readChunked } from "../../lib/chunked";
import type { Db } from "../../platform/db";

/** Read-only queries for the weekly reports: which listings were on offer, and what each edition is. */

export function listingsCreatedBefore(db: Db, before: number) {
  return db
    .select({
      id: listings.id,
      editionId: listings.editionId,
      condition: listings.condition,
      priceAmount: listings.priceAmount,
      createdAt: listings.createdAt,
    })
    .from(listings)
    .where(lt(listings.createdAt, before));
}

export function editionsByIds(db: Db, ids: string[]) {
  return readChunked(ids, (part) =>
    db
      .select({ id: editions.id, isbn13: editions.isbn13, title: editions.title })
      .from(editions)
      .where(inArray(editions.id, part)),
  );
}

export function directCategoriesOf(db: Db, editionIds: string[]) {
  return readChunked(editionIds, (part) =>
    db
      .select({ editionId: editionCategories.editionId, name: categories.name })
      .from(editionCategories)
      .innerJoin(categories, eq(categories.id, editionCategories.categoryId))
      .where(inArray(editionCategories.editionId, part)),
  );
}
