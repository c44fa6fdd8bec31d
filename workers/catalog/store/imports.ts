import { and, asc, desc, eq, getTableColumns, lt, sql } from "drizzle-orm";
import { catalogImportChunks, catalogImportErrors, catalogImports } from "../../../schema/catalog";
import { chunked, rowsPerInsert } from "../../lib/chunked";
import { type Db, ignoringDuplicates, type Statement } from "../../platform/db";
import type { RowError } from "../csv";

export function insertImport(db: Db, row: typeof catalogImports.$inferInsert): Statement {
  return db.insert(catalogImports).values(row);
}

export async function importOfSeller(db: Db, sellerId: string, id: string) {
  const [row] = await db
    .select()
    .from(catalogImports)
    .where(and(eq(catalogImports.id, id), eq(catalogImports.sellerId, sellerId)))
    .limit(1);
  return row;
}

/** A seller's imports, newest first, after the cursor (an import id), each with how far it has got. */
export function importsOfSeller(db: Db, sellerId: string, options: { after?: string; limit: number }) {
  return (
    db
      .select({
        id: catalogImports.id,
        rowsTotal: catalogImports.rowsTotal,
        chunksTotal: catalogImports.chunksTotal,
        createdAt: catalogImports.createdAt,
        chunks: sql<number>`count(${catalogImportChunks.chunk})`,
        rowsDone: sql<number>`coalesce(sum(${catalogImportChunks.rowsDone}), 0)`,
        rowsFailed: sql<number>`coalesce(sum(${catalogImportChunks.rowsFailed}), 0)`,
      })
      .from(catalogImports)
      .leftJoin(catalogImportChunks, eq(catalogImportChunks.importId, catalogImports.id))
      .where(
        and(eq(catalogImports.sellerId, sellerId), options.after ? lt(catalogImports.id, options.after) : undefined),
      )
      // Every selected column is grouped, as MySQL's ONLY_FULL_GROUP_BY asks.
      .groupBy(catalogImports.id, catalogImports.rowsTotal, catalogImports.chunksTotal, catalogImports.createdAt)
      .orderBy(desc(catalogImports.id))
      .limit(options.limit + 1)
  );
}

/** How far an import has got: chunks applied and rows done and failed in them. */
export async function importProgress(db: Db, importId: string) {
  const [row] = await db
    .select({
      chunks: sql<number>`count(*)`,
      rowsDone: sql<number>`coalesce(sum(${catalogImportChunks.rowsDone}), 0)`,
      rowsFailed: sql<number>`coalesce(sum(${catalogImportChunks.rowsFailed}), 0)`,
    })
    .from(catalogImportChunks)
    .where(eq(catalogImportChunks.importId, importId));
  return row ?? { chunks: 0, rowsDone: 0, rowsFailed: 0 };
}

/** An import's refused rows with why, by row; at most `limit` of them when given. */
export function importErrors(db: Db, importId: string, limit?: number) {
  const query = db
    .select({ row: catalogImportErrors.row, field: catalogImportErrors.field, message: catalogImportErrors.message })
    .from(catalogImportErrors)
    .where(eq(catalogImportErrors.importId, importId))
    .orderBy(asc(catalogImportErrors.row), asc(catalogImportErrors.field));
  return limit === undefined ? query : query.limit(limit);
}

/** Records a chunk as applied, once: a redelivered chunk finds its row there and adds nothing. */
const IMPORT_ERROR_COLUMNS = Object.keys(getTableColumns(catalogImportErrors)).length;

export function recordChunk(
  db: Db,
  row: { importId: string; chunk: number; rowsDone: number; rowsFailed: number; processedAt: number },
  errors: RowError[],
): Statement[] {
  return [
    ignoringDuplicates(db, db.insert(catalogImportChunks).values(row), catalogImportChunks.importId),
    ...chunked(errors, rowsPerInsert(IMPORT_ERROR_COLUMNS)).map((part) =>
      ignoringDuplicates(
        db,
        db.insert(catalogImportErrors).values(part.map((error) => ({ importId: row.importId, ...error }))),
        catalogImportErrors.importId,
      ),
    ),
  ];
}

export async function chunkApplied(db: Db, importId: string, chunk: number) {
  const [row] = await db
    .select({ chunk: catalogImportChunks.chunk })
    .from(catalogImportChunks)
    .where(and(eq(catalogImportChunks.importId, importId), eq(catalogImportChunks.chunk, chunk)))
    .limit(1);
  return row;
}
