import { newId } from "../lib/ids";
import type { Statement } from "../platform/db";
import { type CatalogContext, mediaUrl } from "./context";
import { type Isbn13, requireIsbn } from "./isbn";
import type { EditionFormat } from "./model";
import { vocabularyOf } from "./search";
import { closureAncestors, countEditionIn, linkEdition } from "./store/categories";
import {
  bumpVersion,
  editionSummary,
  insertEdition,
  insertSearchDocument,
  insertWork,
  knownTerms,
  vocabularyStatements,
} from "./store/editions";

/** Creating works and editions, with their search document, vocabulary and category links. */

export interface NewEditionInput {
  isbn13: Isbn13;
  title: string;
  subtitle?: string | null;
  authors: string[];
  format?: EditionFormat;
  categoryIds?: string[];
  publisher?: string | null;
  publishedYear?: number | null;
  language?: string;
  description?: string | null;
}

/** Authors as stored in the search document (and split again by suggestions). */
const AUTHOR_SEPARATOR = "; ";

function searchDocumentOf(input: {
  editionId: string;
  isbn13: string;
  title: string;
  subtitle?: string | null;
  authors: string[];
  description?: string | null;
}) {
  return {
    editionId: input.editionId,
    title: input.title,
    subtitle: input.subtitle ?? "",
    authors: input.authors.join(AUTHOR_SEPARATOR),
    // ISBN-13 only: typed ISBN-10s are converted before searching, and equal-length documents keep
    // bm25 from ranking two editions of one book apart for their ISBNs.
    isbn: input.isbn13,
    description: input.description ?? "",
  };
}

/**
 * Plans the creation of several new editions (each with its own work). `known` vocabulary terms are read
 * once for all of them, so a chunk of imported books costs one lookup, not one per book.
 */
export async function planNewEditions(
  ctx: CatalogContext,
  inputs: NewEditionInput[],
  now: number,
): Promise<{ ids: Map<string, string>; statements: Statement[] }> {
  const ids = new Map<string, string>();
  if (inputs.length === 0) return { ids, statements: [] };
  const vocabularies = inputs.map((input) => vocabularyOf(input.title, input.subtitle, ...input.authors));
  const known = await knownTerms(ctx.db, [...new Set(vocabularies.flat())]);
  const statements: Statement[] = [];
  for (const [index, input] of inputs.entries()) {
    const workId = newId("wrk");
    const editionId = newId("edn");
    ids.set(input.isbn13, editionId);
    statements.push(
      insertWork(ctx.db, {
        id: workId,
        title: input.title,
        subtitle: input.subtitle ?? null,
        authors: input.authors,
        subjects: [],
        createdAt: now,
        updatedAt: now,
      }),
      // The search document before its edition: the edition reads the document's id as its `docId`.
      insertSearchDocument(ctx.db, searchDocumentOf({ ...input, editionId })),
      insertEdition(ctx.db, {
        id: editionId,
        workId,
        isbn13: input.isbn13,
        title: input.title,
        subtitle: input.subtitle ?? null,
        authors: input.authors,
        format: input.format ?? "paperback",
        publisher: input.publisher ?? null,
        publishedYear: input.publishedYear ?? 0,
        language: input.language ?? "en",
        description: input.description ?? null,
        createdAt: now,
        updatedAt: now,
      }),
    );
    const terms = vocabularies[index]!;
    statements.push(...vocabularyStatements(ctx.db, terms, known));
    for (const term of terms) known.add(term);
    if (input.categoryIds?.length) {
      statements.push(...linkEdition(ctx.db, editionId, input.categoryIds));
      statements.push(...countEditionIn(ctx.db, await closureAncestors(ctx.db, input.categoryIds), now));
    }
  }
  if (inputs.some((input) => input.categoryIds?.length)) statements.push(bumpVersion(ctx.db, "categories"));
  return { ids, statements };
}

export interface EditionForListing {
  isbn13: string;
  title: string;
  subtitle: string | null;
  authors: string[];
  format: EditionFormat;
  publishedYear: number | null;
  coverImageUrl: string | null;
}

/**
 * The edition a seller is about to list, by ISBN-10 or ISBN-13 in any notation: what the listing editor shows, or
 * null when the catalog does not know it yet (the listing then creates it from a title and authors). An invalid
 * ISBN is 422 `invalid_isbn`.
 */
export async function editionForListing(ctx: CatalogContext, isbn: string): Promise<EditionForListing | null> {
  const found = await editionSummary(ctx.db, requireIsbn(isbn));
  if (!found) return null;
  const { coverKey, publishedYear, ...shown } = found;
  return { ...shown, publishedYear: publishedYear || null, coverImageUrl: mediaUrl(ctx, coverKey) };
}
