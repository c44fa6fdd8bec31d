import { and, asc, eq, inArray, notInArray, sql } from "drizzle-orm";
import { categories, categoryClosure, editionCategories } from "../../../schema/catalog";
import { chunked, MAX_LIST_PARAMS, readChunked, rowsPerInsert } from "../../lib/chunked";
import { type Db, ignoringDuplicates, incoming, type Statement, upserting } from "../../platform/db";
import { violatesUnique } from "../../platform/unique";

export type CategoryRow = typeof categories.$inferSelect;

/** Whether a write failed because another category has the slug. */
export function isSlugTaken(error: unknown): boolean {
  return violatesUnique(error, categories, "categories_slug_idx");
}

export function allCategories(db: Db) {
  return db.select().from(categories).orderBy(asc(categories.position), asc(categories.name));
}

export async function categoryBySlug(db: Db, slug: string) {
  const [row] = await db.select().from(categories).where(eq(categories.slug, slug)).limit(1);
  return row;
}

export async function categoryById(db: Db, id: string) {
  const [row] = await db.select().from(categories).where(eq(categories.id, id)).limit(1);
  return row;
}

export function categoriesBySlug(db: Db, slugs: string[]) {
  return readChunked(slugs, (part) => db.select().from(categories).where(inArray(categories.slug, part)));
}

export async function descendantIds(db: Db, categoryId: string): Promise<string[]> {
  const rows = await db
    .select({ id: categoryClosure.descendantId })
    .from(categoryClosure)
    .where(eq(categoryClosure.ancestorId, categoryId));
  return rows.map((row) => row.id);
}

export function insertCategory(db: Db, row: typeof categories.$inferInsert): Statement {
  return db.insert(categories).values(row);
}

/** Closure rows for a new category: itself at depth 0 and one row per ancestor of its parent. */
export function insertClosureForNew(db: Db, categoryId: string, parentId: string | null): Statement[] {
  const self = db.insert(categoryClosure).values({ ancestorId: categoryId, descendantId: categoryId, depth: 0 });
  if (!parentId) return [self];
  const aboveParent = db
    .select({
      ancestorId: categoryClosure.ancestorId,
      descendantId: sql<string>`${categoryId}`.as("descendant_id"),
      depth: sql<number>`${categoryClosure.depth} + 1`.as("depth"),
    })
    .from(categoryClosure)
    .where(eq(categoryClosure.descendantId, parentId));
  return [db.insert(categoryClosure).select(aboveParent), self];
}

/**
 * Re-hangs a subtree under a new parent: drops the links to its old ancestors, adds the new ones. The subtree
 * is read through a DISTINCT derived table, which MySQL cannot merge and so reads before deleting: it refuses
 * a DELETE whose subquery reads the table it deletes from (error 1093). SQLite runs the same statement.
 */
export function moveSubtree(db: Db, categoryId: string, newParentId: string | null): Statement[] {
  const members = db
    .selectDistinct({ id: sql<string>`${categoryClosure.descendantId}`.as("id") })
    .from(categoryClosure)
    .where(eq(categoryClosure.ancestorId, categoryId))
    .as("subtree");
  const subtree = db.select({ id: members.id }).from(members);
  const detach = db
    .delete(categoryClosure)
    .where(and(inArray(categoryClosure.descendantId, subtree), notInArray(categoryClosure.ancestorId, subtree)));
  if (!newParentId) return [detach];
  // Every new ancestor with every member of the subtree. Derived tables, not table aliases: drizzle's MySQL
  // dialect renders a joined SQLite alias without its table.
  const above = db
    .select({ ancestorId: categoryClosure.ancestorId, depth: categoryClosure.depth })
    .from(categoryClosure)
    .where(eq(categoryClosure.descendantId, newParentId))
    .as("above");
  const below = db
    .select({ descendantId: categoryClosure.descendantId, depth: categoryClosure.depth })
    .from(categoryClosure)
    .where(eq(categoryClosure.ancestorId, categoryId))
    .as("below");
  const links = db
    .select({
      ancestorId: above.ancestorId,
      descendantId: below.descendantId,
      depth: sql<number>`${above.depth} + ${below.depth} + 1`.as("depth"),
    })
    .from(above)
    .innerJoin(below, sql`1 = 1`);
  return [detach, db.insert(categoryClosure).select(links)];
}

export function updateCategory(
  db: Db,
  id: string,
  changes: Partial<Pick<typeof categories.$inferInsert, "name" | "slug" | "parentId" | "position">>,
  now: number,
): Statement {
  return db
    .update(categories)
    .set({ ...changes, updatedAt: now })
    .where(eq(categories.id, id));
}

export function deleteCategory(db: Db, id: string): Statement[] {
  return [
    db.delete(categoryClosure).where(eq(categoryClosure.descendantId, id)),
    db.delete(categories).where(eq(categories.id, id)),
  ];
}

/** Moves a deleted category's editions to its parent (or just unlinks them at the root). */
export function reassignEditions(db: Db, fromId: string, toId: string | null): Statement[] {
  const moves: Statement[] = [];
  if (toId) {
    const links = db
      .select({ editionId: editionCategories.editionId, categoryId: sql<string>`${toId}`.as("category_id") })
      .from(editionCategories)
      .where(eq(editionCategories.categoryId, fromId));
    // Links the parent already has stay as they are. Not `ignoringDuplicates`: its MySQL no-op `edition_id =
    // edition_id` is ambiguous when the SELECT reads the same table (error 1052); the incoming value is not.
    const key = [editionCategories.editionId, editionCategories.categoryId];
    const unchanged = { editionId: incoming(db, editionCategories.editionId) };
    moves.push(upserting(db, db.insert(editionCategories).select(links), key, unchanged));
  }
  moves.push(db.delete(editionCategories).where(eq(editionCategories.categoryId, fromId)));
  return moves;
}

/** Places an edition in categories. */
export function linkEdition(db: Db, editionId: string, categoryIds: string[]): Statement[] {
  return chunked(categoryIds, rowsPerInsert(2)).map((part) =>
    ignoringDuplicates(
      db,
      db.insert(editionCategories).values(part.map((categoryId) => ({ editionId, categoryId }))),
      editionCategories.editionId,
    ),
  );
}

/** One more edition in each of these categories (the distinct ancestors of the edition's categories). */
export function countEditionIn(db: Db, categoryIds: string[], now: number): Statement[] {
  return chunked(categoryIds, MAX_LIST_PARAMS).map((part) =>
    db
      .update(categories)
      .set({ editionCount: sql`${categories.editionCount} + 1`, updatedAt: now })
      .where(inArray(categories.id, part)),
  );
}

/**
 * Recounts distinct editions per category subtree, after the tree changed shape. This reads every
 * category link once: it runs only on an administrator's move or delete, never on a shopper's request.
 */
export function recountCategories(db: Db, now: number): Statement {
  return db.update(categories).set({
    editionCount: sql`coalesce((SELECT count(DISTINCT ec.edition_id) FROM ${categoryClosure} cc
      JOIN ${editionCategories} ec ON ec.category_id = cc.descendant_id WHERE cc.ancestor_id = ${categories.id}), 0)`,
    updatedAt: now,
  });
}

/** The distinct ancestors (including themselves) of a set of categories. */
export async function closureAncestors(db: Db, categoryIds: string[]): Promise<string[]> {
  const rows = await readChunked(categoryIds, (part) =>
    db
      .selectDistinct({ id: categoryClosure.ancestorId })
      .from(categoryClosure)
      .where(inArray(categoryClosure.descendantId, part)),
  );
  return [...new Set(rows.map((row) => row.id))];
}

export async function hasChildren(db: Db, id: string): Promise<boolean> {
  const children = await db.select({ id: categories.id }).from(categories).where(eq(categories.parentId, id)).limit(1);
  return children.length > 0;
}

export type CategoryPath = Awaited<ReturnType<typeof categoryPathsOfEdition>>[number];

/** For each category an edition is in, its ancestors (itself included) with their depth below them. */
export function categoryPathsOfEdition(db: Db, editionId: string) {
  return db
    .select({
      categoryId: categoryClosure.descendantId,
      depth: categoryClosure.depth,
      slug: categories.slug,
      name: categories.name,
    })
    .from(editionCategories)
    .innerJoin(categoryClosure, eq(categoryClosure.descendantId, editionCategories.categoryId))
    .innerJoin(categories, eq(categories.id, categoryClosure.ancestorId))
    .where(eq(editionCategories.editionId, editionId));
}

/** Each edition's categories with all their ancestors (what a promotion's category targets match against). */
export async function categoryLineageOf(db: Db, editionIds: string[]): Promise<Map<string, string[]>> {
  const rows = await readChunked(editionIds, (part) =>
    db
      .selectDistinct({ editionId: editionCategories.editionId, categoryId: categoryClosure.ancestorId })
      .from(editionCategories)
      .innerJoin(categoryClosure, eq(categoryClosure.descendantId, editionCategories.categoryId))
      .where(inArray(editionCategories.editionId, part)),
  );
  const lineage = new Map<string, string[]>();
  for (const row of rows) lineage.set(row.editionId, [...(lineage.get(row.editionId) ?? []), row.categoryId]);
  return lineage;
}
