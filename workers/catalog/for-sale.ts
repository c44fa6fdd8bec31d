import { and, eq, gt, inArray, isNotNull } from "drizzle-orm";
import { editionCategories, editions } from "../../schema/catalog";
import { readChunked } from "../lib/chunked";
import { MARKETPLACE_CURRENCY, type Money } from "../lib/money";
import type { CatalogContext } from "./context";

/** An edition with a copy for sale now, as a recommendation shows it. */
export interface EditionForSale {
  isbn13: string;
  title: string;
  authors: string[];
  lowestPrice: Money;
}

/** The editions among these ISBN-13s that have a copy for sale now, with their lowest price in force. */
export async function editionsForSale(
  ctx: Pick<CatalogContext, "db">,
  isbns: string[],
): Promise<Map<string, EditionForSale>> {
  const rows = await readChunked([...new Set(isbns)], (part) =>
    ctx.db
      .select({
        isbn13: editions.isbn13,
        title: editions.title,
        authors: editions.authors,
        lowestPrice: editions.lowestPrice,
      })
      .from(editions)
      .where(and(inArray(editions.isbn13, part), gt(editions.available, 0), isNotNull(editions.lowestPrice))),
  );
  return new Map(
    rows.map((row) => [
      row.isbn13,
      {
        isbn13: row.isbn13,
        title: row.title,
        authors: row.authors,
        lowestPrice: { amount: row.lowestPrice ?? 0, currency: MARKETPLACE_CURRENCY },
      },
    ]),
  );
}

/** The categories each of these ISBN-13s is filed under directly (category ids), for "more of the same shelf". */
export async function categoriesOfEditions(
  ctx: Pick<CatalogContext, "db">,
  isbns: string[],
): Promise<Map<string, string[]>> {
  const rows = await readChunked([...new Set(isbns)], (part) =>
    ctx.db
      .select({ isbn13: editions.isbn13, categoryId: editionCategories.categoryId })
      .from(editionCategories)
      .innerJoin(editions, eq(editions.id, editionCategories.editionId))
      .where(inArray(editions.isbn13, part)),
  );
  const filed = new Map<string, string[]>();
  for (const row of rows) filed.set(row.isbn13, [...(filed.get(row.isbn13) ?? []), row.categoryId]);
  return filed;
}
