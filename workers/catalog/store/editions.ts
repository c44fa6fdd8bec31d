import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { SQLiteInsertValue } from "drizzle-orm/sqlite-core";
import {
  catalogVersions,
  editions,
  editionViews,
  listings,
  searchDocuments,
  searchTerms,
  searchTermVariants,
  works,
} from "../../../schema/catalog";
import { chunked, readChunked, rowsPerInsert } from "../../lib/chunked";
import { MARKETPLACE_CURRENCY } from "../../lib/money";
import { type Db, ignoringDuplicates, type Statement, upserting } from "../../platform/db";
import { violatesUnique } from "../../platform/unique";
import { LISTING_CONDITIONS } from "../model";
import type { Stars } from "../ratings";
import { variantsOf } from "../search";

type NewWork = typeof works.$inferInsert;
type NewEdition = SQLiteInsertValue<typeof editions>;

/**
 * An edition, its work (with its stars) and the category tree's version: everything a book page is keyed by and starts from, in
 * one read. Work columns are aliased so no two result columns share a name.
 */
export async function editionWithWork(db: Db, isbn13: string) {
  const [row] = await db
    .select({
      edition: editions,
      workTitle: sql<string>`${works.title}`.as("work_title"),
      workSubtitle: sql<string | null>`${works.subtitle}`.as("work_subtitle"),
      workAuthors: sql<string>`${works.authors}`.as("work_authors"),
      workSubjects: sql<string>`${works.subjects}`.as("work_subjects"),
      s1: works.stars1,
      s2: works.stars2,
      s3: works.stars3,
      s4: works.stars4,
      s5: works.stars5,
      categoriesVersion: sql<number>`coalesce((SELECT ${catalogVersions.version} FROM ${catalogVersions} WHERE ${catalogVersions.scope} = 'categories'), 0)`,
    })
    .from(editions)
    .innerJoin(works, eq(works.id, editions.workId))
    .where(eq(editions.isbn13, isbn13))
    .limit(1);
  if (!row) return undefined;
  return {
    edition: row.edition,
    work: {
      id: row.edition.workId,
      title: row.workTitle,
      subtitle: row.workSubtitle,
      authors: JSON.parse(row.workAuthors) as string[],
      subjects: JSON.parse(row.workSubjects) as string[],
      stars: [row.s1, row.s2, row.s3, row.s4, row.s5] as Stars,
    },
    categoriesVersion: row.categoriesVersion,
  };
}

export type EditionWithWork = NonNullable<Awaited<ReturnType<typeof editionWithWork>>>;

/** Whether a write failed because an edition with the ISBN exists (someone created it at the same moment). */
export function isIsbnTaken(error: unknown): boolean {
  return violatesUnique(error, editions, "editions_isbn13_idx");
}

/** Whether an edition with this ISBN exists, and its id. */
export async function editionIdByIsbn(db: Db, isbn13: string) {
  const [row] = await db.select({ id: editions.id }).from(editions).where(eq(editions.isbn13, isbn13)).limit(1);
  return row;
}

/** What the listing editor shows of an edition found by its ISBN. */
export async function editionSummary(db: Db, isbn13: string) {
  const [row] = await db
    .select({
      isbn13: editions.isbn13,
      title: editions.title,
      subtitle: editions.subtitle,
      authors: editions.authors,
      format: editions.format,
      publishedYear: editions.publishedYear,
      coverKey: editions.coverKey,
    })
    .from(editions)
    .where(eq(editions.isbn13, isbn13))
    .limit(1);
  return row;
}

export function editionsByIsbn(db: Db, isbns: string[]) {
  return readChunked(isbns, (part) =>
    db
      .select({ id: editions.id, isbn13: editions.isbn13, workId: editions.workId })
      .from(editions)
      .where(inArray(editions.isbn13, part)),
  );
}

export function insertWork(db: Db, work: NewWork): Statement {
  return db.insert(works).values(work);
}

/**
 * An edition, after its search document: it takes the document's id as `docId`, read by the document's edition
 * id (no dialect's last-insert id, which would tie the two statements to one connection and one order).
 */
export function insertEdition(db: Db, edition: Omit<NewEdition, "docId">): Statement {
  const docId = sql<number>`(SELECT ${searchDocuments.id} FROM ${searchDocuments} WHERE ${searchDocuments.editionId} = ${edition.id})`;
  return db.insert(editions).values({ ...edition, docId });
}

export function insertSearchDocument(db: Db, doc: typeof searchDocuments.$inferInsert): Statement {
  return db.insert(searchDocuments).values(doc);
}

/** Which of these terms the vocabulary already knows. */
export async function knownTerms(db: Db, terms: string[]): Promise<Set<string>> {
  const rows = await readChunked(terms, (part) =>
    db.select({ term: searchTerms.term }).from(searchTerms).where(inArray(searchTerms.term, part)),
  );
  return new Set(rows.map((row) => row.term));
}

/**
 * Adds one edition's terms to the vocabulary: their document counts go up, and terms not yet known are
 * stored under their variants (`known` says which already are, so common words cost one row, not ten).
 */
export function vocabularyStatements(db: Db, terms: string[], known: Set<string>): Statement[] {
  const statements: Statement[] = chunked(terms, rowsPerInsert(2)).map((part) =>
    upserting(db, db.insert(searchTerms).values(part.map((term) => ({ term, docCount: 1 }))), searchTerms.term, {
      docCount: sql`${searchTerms.docCount} + 1`,
    }),
  );
  const variants = terms.filter((term) => !known.has(term)).flatMap((term) => variantsOf(term).map((v) => [v, term]));
  for (const part of chunked(variants, rowsPerInsert(2))) {
    statements.push(
      ignoringDuplicates(
        db,
        db.insert(searchTermVariants).values(part.map(([variant, term]) => ({ variant: variant!, term: term! }))),
        searchTermVariants.variant,
      ),
    );
  }
  return statements;
}

/** How many editions use each of these terms (terms the vocabulary does not know are left out). */
export function termFrequencies(db: Db, terms: string[]) {
  return readChunked(terms, (part) =>
    db
      .select({ term: searchTerms.term, docCount: searchTerms.docCount })
      .from(searchTerms)
      .where(inArray(searchTerms.term, part)),
  );
}

/** Vocabulary terms stored under any of these keys (a term may come back once per key), with their counts. */
export function termsByVariant(db: Db, keys: string[]) {
  return readChunked(keys, (part) =>
    db
      .select({ term: searchTerms.term, docCount: searchTerms.docCount })
      .from(searchTermVariants)
      .innerJoin(searchTerms, eq(searchTerms.term, searchTermVariants.term))
      .where(inArray(searchTermVariants.variant, part)),
  );
}

/** A listing's condition as its bit (`condition` is a reserved word in MySQL: interpolated, so it is quoted). */
const conditionBits = sql`CASE ${listings.condition} ${sql.raw(
  LISTING_CONDITIONS.map((c, i) => `WHEN '${c}' THEN ${1 << i}`).join(" "),
)} ELSE 0 END`;

/**
 * Recomputes an edition's browse summary from its active, in-stock listings and bumps its version, so
 * cached pages showing it are no longer used. Reads only that edition's listings (by index). The list price is
 * the highest among the offers at the lowest price (set only when one of them is on sale); the inner `listings`
 * of its subquery is the cheapest offers', the outer one each offer's.
 */
export function refreshEditionOffers(db: Db, editionId: string, now: number): Statement {
  const offers = and(
    eq(listings.editionId, editions.id),
    eq(listings.status, "active"),
    gt(listings.available, 0),
    eq(listings.currency, MARKETPLACE_CURRENCY),
  );
  const lowest = sql`(SELECT min(${listings.priceAmount}) FROM ${listings} WHERE ${offers})`;
  return db
    .update(editions)
    .set({
      lowestPrice: lowest,
      lowestListPrice: sql`(SELECT max(${listings.listPriceAmount}) FROM ${listings} WHERE ${offers} AND ${listings.priceAmount} = ${lowest})`,
      priceChangesAt: sql`(SELECT min(${listings.priceChangesAt}) FROM ${listings} WHERE ${offers})`,
      offerCount: sql`(SELECT count(*) FROM ${listings} WHERE ${offers})`,
      available: sql`(SELECT coalesce(sum(${listings.available}), 0) FROM ${listings} WHERE ${offers})`,
      conditions: sql`(SELECT coalesce(sum(DISTINCT ${conditionBits}), 0) FROM ${listings} WHERE ${offers})`,
      version: sql`${editions.version} + 1`,
      updatedAt: now,
    })
    .where(eq(editions.id, editionId));
}

export function bumpEditionVersion(db: Db, editionId: string, now: number): Statement {
  return db
    .update(editions)
    .set({ version: sql`${editions.version} + 1`, updatedAt: now })
    .where(eq(editions.id, editionId));
}

/** Bumps a cached-read scope (`browse` or `categories`). */
export function bumpVersion(db: Db, scope: "browse" | "categories"): Statement {
  return upserting(db, db.insert(catalogVersions).values({ scope, version: 2 }), catalogVersions.scope, {
    version: sql`${catalogVersions.version} + 1`,
  });
}

export async function versionOf(db: Db, scope: "browse" | "categories"): Promise<number> {
  const [row] = await db
    .select({ version: catalogVersions.version })
    .from(catalogVersions)
    .where(eq(catalogVersions.scope, scope))
    .limit(1);
  return row?.version ?? 1;
}

/** The versions cached lists are keyed by, and how many search documents there are (the highest doc id). */
export async function catalogVersionsNow(db: Db): Promise<{ browse: number; categories: number; documents: number }> {
  const rows = await db
    .select({
      scope: catalogVersions.scope,
      version: catalogVersions.version,
      documents: sql<number | null>`(SELECT max(${searchDocuments.id}) FROM ${searchDocuments})`,
    })
    .from(catalogVersions);
  const of = (scope: string) => rows.find((row) => row.scope === scope)?.version ?? 1;
  return { browse: of("browse"), categories: of("categories"), documents: rows[0]?.documents ?? 0 };
}

/** More views of an edition on a day (`YYYY-MM-DD`, UTC). */
export function countViews(db: Db, count: { editionId: string; day: string; views: number }): Statement {
  return upserting(db, db.insert(editionViews).values(count), [editionViews.editionId, editionViews.day], {
    views: sql`${editionViews.views} + ${count.views}`,
  });
}

/** The edition with this ISBN, its work's id and title and, comma-separated, the ISBN of every edition of the work. */
export async function workOfIsbn(db: Db, isbn13: string) {
  const [row] = await db
    .select({
      editionId: editions.id,
      workId: works.id,
      title: works.title,
      workIsbns: sql<string>`(SELECT group_concat(s.isbn13) FROM editions s WHERE s.work_id = ${editions.workId})`,
    })
    .from(editions)
    .innerJoin(works, eq(works.id, editions.workId))
    .where(eq(editions.isbn13, isbn13))
    .limit(1);
  return row;
}
