import { AppError } from "../http/errors";
import { type AuditActor, actedBy, auditEntry, auditTarget } from "../identity";
import { newId } from "../lib/ids";
import { atomically, type Statement } from "../platform/db";
import { CACHE_TTL_SECONDS, etagFor } from "./cache";
import type { CatalogContext } from "./context";
import type { CategoryNode } from "./schemas";
import {
  allCategories,
  type CategoryRow,
  categoryById,
  deleteCategory as deleteCategoryRows,
  descendantIds,
  hasChildren,
  insertCategory,
  insertClosureForNew,
  isSlugTaken,
  moveSubtree,
  reassignEditions,
  recountCategories,
  updateCategory as updateCategoryRow,
} from "./store/categories";
import { bumpVersion, versionOf } from "./store/editions";

/** The category tree: a public, cached read, and the administrators' edits. */

function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}

function buildTree(rows: CategoryRow[]): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>();
  for (const row of rows) {
    nodes.set(row.id, { id: row.id, slug: row.slug, name: row.name, editionCount: row.editionCount, children: [] });
  }
  const roots: CategoryNode[] = [];
  for (const row of rows) {
    const node = nodes.get(row.id)!;
    const parent = row.parentId ? nodes.get(row.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** `GET /v1/categories`: the whole tree with edition counts (an edition counts once per subtree). */
export async function categoryTree(ctx: CatalogContext) {
  const version = await versionOf(ctx.db, "categories");
  const key = `categories:${version}`;
  return {
    etag: etagFor(key),
    read: () => ctx.cache.read(key, CACHE_TTL_SECONDS, async () => ({ items: buildTree(await allCategories(ctx.db)) })),
  };
}

interface CategoryView {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
  position: number;
  editionCount: number;
}

function view(row: CategoryRow): CategoryView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    parentId: row.parentId,
    position: row.position,
    editionCount: row.editionCount,
  };
}

/** A category as its audit entries show it before and after an edit (counts follow from the books, not the edit). */
const placement = (row: Pick<CategoryRow, "slug" | "name" | "parentId" | "position">) => ({
  slug: row.slug,
  name: row.name,
  parentId: row.parentId,
  position: row.position,
});

async function requireCategory(ctx: CatalogContext, id: string): Promise<CategoryRow> {
  const row = await categoryById(ctx.db, id);
  if (!row) throw new AppError("not_found", `No category ${id}.`);
  return row;
}

async function commitCategoryChange(ctx: CatalogContext, statements: Statement[], slug?: string): Promise<void> {
  try {
    await atomically(ctx.db, [bumpVersion(ctx.db, "categories"), ...statements]);
  } catch (error) {
    if (isSlugTaken(error)) throw new AppError("conflict", `The slug "${slug}" is taken.`);
    throw error;
  }
}

/** Adds a category; an admin's (`by`) is audited with the insert. */
export async function createCategory(
  ctx: CatalogContext,
  input: { name: string; slug?: string; parentId?: string | null; position?: number },
  by?: AuditActor,
): Promise<CategoryView> {
  const parentId = input.parentId ?? null;
  if (parentId) await requireCategory(ctx, parentId);
  const slug = input.slug ?? slugify(input.name);
  if (!slug) throw new AppError("unprocessable", "The name gives an empty slug; send a slug.");
  const now = Date.now();
  const id = newId("cat");
  const row = { id, slug, name: input.name, parentId, position: input.position ?? 0, createdAt: now, updatedAt: now };
  const audit = auditEntry(
    ctx,
    "category_created",
    { ...actedBy(by), target: auditTarget("category", id), before: null, after: placement(row) },
    now,
  );
  await commitCategoryChange(
    ctx,
    [insertCategory(ctx.db, row), ...insertClosureForNew(ctx.db, id, parentId), audit],
    slug,
  );
  return view(await requireCategory(ctx, id));
}

/**
 * Renames and/or moves a category, audited with the change. Moving under its own subtree would make a cycle:
 * refused with 409.
 */
export async function updateCategory(
  ctx: CatalogContext,
  id: string,
  input: { name?: string; slug?: string; parentId?: string | null; position?: number },
  by?: AuditActor,
): Promise<CategoryView> {
  const current = await requireCategory(ctx, id);
  const now = Date.now();
  const statements: Statement[] = [];
  const moving = input.parentId !== undefined && input.parentId !== current.parentId;
  if (moving && input.parentId) {
    await requireCategory(ctx, input.parentId);
    if ((await descendantIds(ctx.db, id)).includes(input.parentId)) {
      throw new AppError("conflict", "A category cannot be moved under itself or one of its subcategories.");
    }
  }
  statements.push(
    updateCategoryRow(
      ctx.db,
      id,
      { name: input.name, slug: input.slug, position: input.position, parentId: moving ? input.parentId : undefined },
      now,
    ),
  );
  if (moving) statements.push(...moveSubtree(ctx.db, id, input.parentId ?? null), recountCategories(ctx.db, now));
  const after = placement({
    slug: input.slug ?? current.slug,
    name: input.name ?? current.name,
    parentId: moving ? (input.parentId ?? null) : current.parentId,
    position: input.position ?? current.position,
  });
  statements.push(
    auditEntry(
      ctx,
      "category_updated",
      { ...actedBy(by), target: auditTarget("category", id), before: placement(current), after },
      now,
    ),
  );
  await commitCategoryChange(ctx, statements, input.slug);
  return view(await requireCategory(ctx, id));
}

/**
 * Deletes a category with no subcategories. Its editions move up to its parent (or just leave it, at the
 * root), so no book disappears from browsing.
 */
export async function deleteCategory(ctx: CatalogContext, id: string, by?: AuditActor): Promise<void> {
  const current = await requireCategory(ctx, id);
  if (await hasChildren(ctx.db, id)) {
    throw new AppError("conflict", "Move or delete its subcategories first.");
  }
  const now = Date.now();
  await commitCategoryChange(ctx, [
    ...reassignEditions(ctx.db, id, current.parentId),
    ...deleteCategoryRows(ctx.db, id),
    recountCategories(ctx.db, now),
    auditEntry(
      ctx,
      "category_deleted",
      { ...actedBy(by), target: auditTarget("category", id), before: placement(current), after: null },
      now,
    ),
  ]);
}
