import { z } from "zod";
import { AppError } from "../http/errors";
import { decodeCursor, encodeCursor } from "../http/schemas";
import type { CatalogContext } from "./context";
import { readRecords, writeCsv } from "./csv";
import { type ImportStatus, importState, uploadKey } from "./imports";
import { importErrors, importOfSeller, importsOfSeller } from "./store/imports";

/** A seller's past imports, and the rows an import refused, handed back as a file to fix and upload again. */

export type ImportSummary = Omit<ImportStatus, "errors">;

const ImportCursor = z.object({ m: z.string() });

/** `GET /v1/seller/imports`: the seller's imports, newest first, each with its progress, in one query. */
export async function listImports(
  ctx: CatalogContext,
  sellerId: string,
  page: { limit: number; cursor?: string },
): Promise<{ items: ImportSummary[]; nextCursor: string | null }> {
  const after = decodeCursor(page.cursor, ImportCursor)?.m;
  const rows = await importsOfSeller(ctx.db, sellerId, { after, limit: page.limit });
  const shown = rows.slice(0, page.limit);
  return {
    items: shown.map((row) => ({
      id: row.id,
      status: importState(Number(row.chunks), row.chunksTotal),
      rowsTotal: row.rowsTotal,
      rowsDone: Number(row.rowsDone),
      rowsFailed: Number(row.rowsFailed),
      createdAt: new Date(row.createdAt).toISOString(),
    })),
    nextCursor: rows.length > page.limit ? encodeCursor({ m: shown[shown.length - 1]!.id }) : null,
  };
}

/**
 * `GET /v1/seller/imports/{id}/failed-rows`: the refused rows as the file had them (every column, in its order),
 * then `row` (as a spreadsheet numbers it) and `error` (each reason, `field: message`, separated by `; `).
 * Another seller's import is 404. While the import runs, it holds the rows refused so far.
 */
export async function failedRowsCsv(ctx: CatalogContext, sellerId: string, importId: string): Promise<string> {
  if (!(await importOfSeller(ctx.db, sellerId, importId))) throw new AppError("not_found", `No import ${importId}.`);
  const [upload, errors] = await Promise.all([ctx.media.get(uploadKey(importId)), importErrors(ctx.db, importId)]);
  if (!upload) throw new AppError("not_found", `The file of import ${importId} is no longer kept.`);
  const reasons = new Map<number, string[]>();
  for (const error of errors)
    reasons.set(error.row, [...(reasons.get(error.row) ?? []), `${error.field}: ${error.message}`]);
  const [header = [], ...records] = readRecords(await upload.text());
  const failed = records.flatMap((cells, index) => (reasons.has(index + 2) ? [{ row: index + 2, cells }] : []));
  const width = failed.reduce((widest, { cells }) => Math.max(widest, cells.length), header.length);
  const pad = (cells: string[]) => [...cells, ...Array<string>(width - cells.length).fill("")];
  return writeCsv([
    [...pad(header), "row", "error"],
    ...failed.map(({ row, cells }) => [...pad(cells), String(row), reasons.get(row)!.join("; ")]),
  ]);
}
