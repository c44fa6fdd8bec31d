import type { CatalogContext } from "./context";
import * as store from "./store/report-facts";

/** A listing as the weekly reports weigh it: its edition, condition, price in force and when it was listed. */
export interface ListingFact {
  id: string;
  editionId: string;
  condition: string;
  priceAmount: number;
  createdAt: number;
}

/** An edition as the weekly reports name it: ISBN, title and the categories it is filed under directly. */
export interface EditionFact {
  isbn13: string;
  title: string;
  categories: string[];
}

/** Every listing created before `before` epoch ms (whatever its status now), for sell-through. Read-only. */
export function listingsListedBefore(ctx: Pick<CatalogContext, "services">, before: number): Promise<ListingFact[]> {
  return store.listingsCreatedBefore(ctx.services.db, before);
}

/** The ISBN, title and direct categories of each edition (absent for an unknown one). Read-only. */
export async function editionFacts(
  ctx: Pick<CatalogContext, "services">,
  editionIds: string[],
): Promise<Map<string, EditionFact>> {
  const ids = [...new Set(editionIds)];
  const [found, filed] = await Promise.all([
    store.editionsByIds(ctx.services.db, ids),
    store.directCategoriesOf(ctx.services.db, ids),
  ]);
  return new Map(
    found.map((edition) => [
      edition.id,
      {
        isbn13: edition.isbn13,
        title: edition.title,
        categories: filed
          .filter((row) => row.editionId === edition.id)
          .map((row) => row.name)
          .sort(),
      },
    ]),
  );
}
