import type { CatalogContext } from "../../workers/catalog/context";
import { type NewEditionInput, planNewEditions } from "../../workers/catalog/editions";
import { type Isbn13, normalizeIsbn } from "../../workers/catalog/isbn";
import { atomically, type Db } from "../../workers/platform/db";

/** A valid ISBN-13 from its first twelve digits. */
export function isbn(first12: string): Isbn13 {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  const full = normalizeIsbn(`${first12}${(10 - (sum % 10)) % 10}`);
  if (!full) throw new Error(`${first12} is not the start of an ISBN-13`);
  return full;
}

/**
 * Adds editions as the Worker does when a seller lists a new book: the catalog's own plan (work, edition,
 * search document, vocabulary and spelling variants), written in one transaction.
 */
export async function addEditions(db: Db, editions: Omit<NewEditionInput, "categoryIds">[]): Promise<void> {
  // Planning reads only the database (the vocabulary already known).
  const planned = await planNewEditions({ db } as CatalogContext, editions, Date.now());
  await atomically(db, planned.statements);
}
