import type { CatalogContext } from "./context";
import { requireIsbn } from "./isbn";
import { workOfIsbn } from "./store/editions";

/** A book as the community talks about it: the edition asked for, its work and every ISBN of that work. */
export interface WorkOfEdition {
  editionId: string;
  isbn13: string;
  workId: string;
  title: string;
  /** The ISBN-13 of every edition of the work, the one asked for among them. */
  workIsbns: string[];
}

/** The work of the edition with this ISBN (10 or 13 digits; a malformed one is a 400), or null when none has it. */
export async function workOfEdition(ctx: Pick<CatalogContext, "db">, isbn: string): Promise<WorkOfEdition | null> {
  const isbn13 = requireIsbn(isbn);
  const row = await workOfIsbn(ctx.db, isbn13);
  if (!row) return null;
  return {
    editionId: row.editionId,
    isbn13,
    workId: row.workId,
    title: row.title,
    workIsbns: row.workIsbns.split(","),
  };
}
