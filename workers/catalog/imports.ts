import type { EventData } from "../../queues/event-catalogue";
import { AppError } from "../http/errors";
import { newId } from "../lib/ids";
import { formatMoney } from "../lib/money";
import type { Statement } from "../platform/db";
import type { CatalogContext } from "./context";
import { type ImportRow, type RowError, readListingsFile, type ValidRow, validateRow } from "./csv";
import { type NewEditionInput, planNewEditions } from "./editions";
import { catalogEvents } from "./events";
import type { Isbn13 } from "./isbn";
import { type Plan, planCreateListing, planUpdateListing, withEditionRefresh } from "./listing-plans";
import { setListingLowStockThreshold, setListingStock } from "./stock";
import { editionsByIsbn } from "./store/editions";
import { chunkApplied, importErrors, importOfSeller, importProgress, insertImport, recordChunk } from "./store/imports";
import { listingsBySku, type StockCopy } from "./store/listings";
import { highestPendingSale } from "./store/sale-prices";

/**
 * Bulk import of a seller's listings from CSV. The upload is read once, cut into chunks stored in R2 and
 * queued (`ImportChunkQueued` on `catalog-imports`); each chunk is applied by a queue consumer, upserting by
 * the seller's SKU. Applying the same rows again changes nothing, so redelivered chunks and re-uploaded files
 * are harmless. Progress is the sum of the applied chunks.
 */

/** Rows per chunk: a chunk is one D1 batch, and D1 bounds the statements of one invocation. */
const IMPORT_CHUNK_ROWS = 100;
/** At most this many row errors are reported (the counts stay exact). */
const MAX_REPORTED_ERRORS = 1_000;

const chunkKey = (importId: string, chunk: number) => `imports/${importId}/${String(chunk).padStart(5, "0")}.json`;

/** The file as the seller uploaded it, kept so the failed rows can be handed back as they were written. */
export const uploadKey = (importId: string) => `imports/${importId}/upload.csv`;

/** `POST /v1/seller/imports`: checks the file's shape, stores it and its chunks and queues the chunks. */
export async function startImport(ctx: CatalogContext, sellerId: string, csv: string) {
  const rows = readListingsFile(csv);
  const importId = newId("imp");
  const chunks: ImportRow[][] = [];
  for (let i = 0; i < rows.length; i += IMPORT_CHUNK_ROWS) chunks.push(rows.slice(i, i + IMPORT_CHUNK_ROWS));
  await Promise.all([
    ctx.media.put(uploadKey(importId), csv, { httpMetadata: { contentType: "text/csv; charset=utf-8" } }),
    ...chunks.map((chunk, index) =>
      ctx.media.put(chunkKey(importId, index), JSON.stringify(chunk), {
        httpMetadata: { contentType: "application/json" },
      }),
    ),
  ]);
  const events = chunks.map((_, index) =>
    catalogEvents.importChunkQueued({ importId, sellerId, chunk: index, key: chunkKey(importId, index) }),
  );
  await ctx.services.outbox.commit(
    [
      insertImport(ctx.db, {
        id: importId,
        sellerId,
        rowsTotal: rows.length,
        chunksTotal: chunks.length,
        createdAt: Date.now(),
      }),
    ],
    events,
  );
  return { importId, rowsTotal: rows.length };
}

export interface ImportStatus {
  id: string;
  status: "queued" | "processing" | "completed";
  rowsTotal: number;
  rowsDone: number;
  rowsFailed: number;
  errors: RowError[];
  createdAt: string;
}

export function importState(chunksDone: number, chunksTotal: number): ImportStatus["status"] {
  return chunksDone >= chunksTotal ? "completed" : chunksDone > 0 ? "processing" : "queued";
}

/** `GET /v1/seller/imports/{id}`: progress for a client to show, and every refused row with why. */
export async function importStatus(ctx: CatalogContext, sellerId: string, importId: string): Promise<ImportStatus> {
  const record = await importOfSeller(ctx.db, sellerId, importId);
  if (!record) throw new AppError("not_found", `No import ${importId}.`);
  // Progress first, then the errors: a chunk's refused rows commit with the chunk, so every chunk counted here has its
  // errors in the next read. Read side by side (MySQL has no batch), the errors could be read before the last chunk
  // landed and an import show "completed" without them.
  const progress = await importProgress(ctx.db, importId);
  const errors = await importErrors(ctx.db, importId, MAX_REPORTED_ERRORS);
  const status = importState(progress.chunks, record.chunksTotal);
  return {
    id: record.id,
    status,
    rowsTotal: record.rowsTotal,
    rowsDone: progress.rowsDone,
    rowsFailed: progress.rowsFailed,
    errors,
    createdAt: new Date(record.createdAt).toISOString(),
  };
}

/** New editions the chunk needs: the first row of each unknown ISBN that names its title and authors. */
function editionsToCreate(rows: ValidRow[], known: Map<string, string>): NewEditionInput[] {
  const wanted = new Map<string, NewEditionInput>();
  for (const row of rows) {
    if (known.has(row.isbn13) || wanted.has(row.isbn13) || !row.title || !row.authors) continue;
    wanted.set(row.isbn13, { isbn13: row.isbn13 as Isbn13, title: row.title, authors: row.authors });
  }
  return [...wanted.values()];
}

type RowOutcome = { plan: Plan } | { error: RowError };

/** Applies one chunk of an import: validates its rows, upserts their listings by SKU, records the outcome. */
export async function applyImportChunk(ctx: CatalogContext, chunk: EventData<"ImportChunkQueued">): Promise<void> {
  if (await chunkApplied(ctx.db, chunk.importId, chunk.chunk)) return;
  const object = await ctx.media.get(chunk.key);
  if (!object) throw new Error(`import chunk ${chunk.key} is missing from storage`);
  const rows = await object.json<ImportRow[]>();
  const now = Date.now();
  const errors: RowError[] = [];
  const valid: ValidRow[] = [];
  for (const row of rows) {
    const checked = validateRow(row);
    if (checked.ok) valid.push(checked.row);
    else errors.push(...checked.errors);
  }

  const isbns = [...new Set(valid.map((row) => row.isbn13))];
  const known = new Map((await editionsByIsbn(ctx.db, isbns)).map((edition) => [edition.isbn13, edition.id]));
  const created = await planNewEditions(ctx, editionsToCreate(valid, known), now);
  for (const [isbn13, id] of created.ids) known.set(isbn13, id);
  const current = new Map(
    (
      await listingsBySku(
        ctx.db,
        chunk.sellerId,
        valid.map((row) => row.sku),
      )
    ).map((l) => [l.sku, l]),
  );

  const outcomes = await Promise.all(
    valid.map(async (row): Promise<RowOutcome> => {
      const editionId = known.get(row.isbn13);
      const fail = (field: string, message: string) => ({ error: { row: row.row, field, message } });
      if (!editionId) return fail("title", "title and authors are required for an ISBN not yet in the catalog");
      const fields = {
        sku: row.sku,
        condition: row.condition,
        conditionNotes: row.notes,
        price: row.price,
        quantity: row.quantity,
        lowStockThreshold: row.lowStockThreshold,
      };
      const listing = current.get(row.sku);
      // An imported count waits in D1 (stock version 0) until the listing's StockDO is first needed (a book
      // page, a cart), as for seeded listings: starting thousands of objects would make an import crawl.
      const deferred: StockCopy = { onHand: row.quantity, available: row.quantity, version: 0 };
      try {
        if (!listing) {
          const edition = { id: editionId, isbn13: row.isbn13 };
          return { plan: planCreateListing(ctx, newId("lst"), chunk.sellerId, edition, fields, [], deferred, now) };
        }
        if (listing.editionId !== editionId) return fail("sku", "this SKU is already listed for another ISBN");
        // A listing with a sale pending has a next price switch: its regular price must stay above the sale price.
        const highestSale = listing.priceChangesAt === null ? null : await highestPendingSale(ctx.db, listing.id);
        if (highestSale !== null && row.price.amount <= highestSale) {
          return fail(
            "price",
            `must stay above the listing's sale price (${formatMoney({ ...row.price, amount: highestSale })})`,
          );
        }
        let stock: StockCopy | undefined;
        const threshold = row.lowStockThreshold ?? listing.lowStockThreshold;
        if (row.quantity !== listing.quantity) {
          stock =
            listing.stockVersion === 0 ? deferred : await setListingStock(ctx, listing.id, row.quantity, threshold);
        } else if (threshold !== listing.lowStockThreshold) {
          await setListingLowStockThreshold(ctx, listing, threshold);
        }
        return { plan: planUpdateListing(ctx, listing, row.isbn13, fields, [], now, stock) };
      } catch (error) {
        if (error instanceof AppError && error.code === "conflict")
          return fail("quantity", error.detail ?? error.message);
        throw error;
      }
    }),
  );
  const plans: Plan[] = [];
  for (const outcome of outcomes) {
    if ("plan" in outcome) plans.push(outcome.plan);
    else errors.push(outcome.error);
  }
  const failedRows = new Set(errors.map((error) => error.row)).size;
  const statements: Statement[] = [
    ...created.statements,
    ...withEditionRefresh(ctx, plans, now),
    ...recordChunk(
      ctx.db,
      { importId: chunk.importId, chunk: chunk.chunk, rowsDone: rows.length, rowsFailed: failedRows, processedAt: now },
      errors,
    ),
  ];
  await ctx.services.outbox.commit(
    statements,
    plans.flatMap((plan) => plan.events),
  );
}
