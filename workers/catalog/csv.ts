import { CsvError, parse } from "csv-parse/sync";
import { AppError } from "../http/errors";
import { MARKETPLACE_CURRENCY } from "../lib/money";
import { normalizeIsbn } from "./isbn";
import { LISTING_CONDITIONS, type ListingCondition } from "./model";
import { CreateListingBody } from "./schemas";

/** Reading a seller's listings file: its header, its rows, and what is wrong with each row. */

const REQUIRED_COLUMNS = ["isbn", "sku", "condition", "price", "currency", "quantity"] as const;
const OPTIONAL_COLUMNS = ["notes", "title", "authors", "low_stock_threshold"] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/** One data row as written in the file, with its row number as a spreadsheet shows it (the header is row 1). */
export interface ImportRow {
  row: number;
  values: Partial<Record<Column, string>>;
  /** Set when the file itself already rules the row out (a SKU seen on an earlier row). */
  rejected?: { field: string; message: string };
}

export interface RowError {
  row: number;
  field: string;
  message: string;
}

const MAX_IMPORT_ROWS = 50_000;

/**
 * The file's records as the `csv-parse` library reads them (quoting, embedded commas and newlines, a BOM); the
 * header is record 0, so record `n` is the row a spreadsheet numbers `n + 1`. Unreadable CSV is the client's 422.
 */
export function readRecords(text: string): string[][] {
  try {
    return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    const line = error instanceof CsvError ? error.lines : undefined;
    const where = typeof line === "number" ? ` near line ${line}` : "";
    throw new AppError("unprocessable", `The file is not readable as CSV${where}.`);
  }
}

/** CSV text (RFC 4180: CRLF lines, a field quoted when it holds a quote, comma, line break or edge space). */
export function writeCsv(records: string[][]): string {
  const field = (value: string) => (/[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return records.map((record) => `${record.map(field).join(",")}\r\n`).join("");
}

/**
 * Reads a seller's listings file. A missing required column or an unreadable file is the client's 422; a row's
 * own problems are reported per row later.
 */
export function readListingsFile(text: string): ImportRow[] {
  const [header, ...body] = readRecords(text);
  if (!header) throw new AppError("unprocessable", "The file is empty.");
  const names = header.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length) {
    throw new AppError("unprocessable", `The file lacks the column(s): ${missing.join(", ")}.`, {
      errors: missing.map((column) => ({ path: column, message: "required column" })),
    });
  }
  if (body.length === 0) throw new AppError("unprocessable", "The file has a header but no rows.");
  if (body.length > MAX_IMPORT_ROWS) {
    throw new AppError("unprocessable", `A file may have at most ${MAX_IMPORT_ROWS.toLocaleString("en")} rows.`);
  }
  const known = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);
  const firstRowOfSku = new Map<string, number>();
  return body.map((cells, index) => {
    const row = index + 2;
    const values: Partial<Record<Column, string>> = {};
    names.forEach((name, column) => {
      if (known.has(name) && cells[column] !== undefined && cells[column] !== "")
        values[name as Column] = cells[column];
    });
    const sku = values.sku;
    const first = sku ? firstRowOfSku.get(sku) : undefined;
    if (sku && first === undefined) firstRowOfSku.set(sku, row);
    return first === undefined
      ? { row, values }
      : { row, values, rejected: { field: "sku", message: `the SKU appears again; row ${first} was used` } };
  });
}

export interface ValidRow {
  row: number;
  isbn13: string;
  sku: string;
  condition: ListingCondition;
  notes: string | null;
  price: { amount: number; currency: string };
  quantity: number;
  /** Absent when the file has no such column or leaves it empty: an existing listing keeps its own. */
  lowStockThreshold?: number;
  title?: string;
  authors?: string[];
}

const CONDITION_ALIASES: Record<string, ListingCondition> = {
  "as new": "like_new",
  fine: "like_new",
  "very good": "very_good",
  fair: "acceptable",
};

function parseCondition(text: string): ListingCondition | undefined {
  const key = text.trim().toLowerCase().replace(/[-_]+/g, " ");
  const canonical = key.replace(/ /g, "_");
  return (LISTING_CONDITIONS as readonly string[]).includes(canonical)
    ? (canonical as ListingCondition)
    : CONDITION_ALIASES[key];
}

/** "12.99" (major units, up to two decimals) → 1299 minor units. */
function parsePrice(text: string): number | undefined {
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
}

/** The API field a schema issue names, as the file's column. */
const COLUMN_OF_FIELD: Record<string, Column> = { conditionNotes: "notes", lowStockThreshold: "low_stock_threshold" };

function columnOf(path: PropertyKey[]): string {
  const [field, inner] = path.map(String);
  if (field === "price" && inner === "currency") return "currency";
  return COLUMN_OF_FIELD[field ?? ""] ?? field ?? "(row)";
}

/**
 * Checks one row; answers the listing it describes or every problem found in it. The file's spellings
 * (conditions, "12.99", authors split by ";") are read here; the listing they make must then pass the very
 * schema `POST /v1/seller/listings` does, so a row is never allowed what the API refuses.
 */
export function validateRow(input: ImportRow): { ok: true; row: ValidRow } | { ok: false; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (field: string, message: string) => errors.push({ row: input.row, field, message });
  if (input.rejected) fail(input.rejected.field, input.rejected.message);
  const v = input.values;
  const isbn13 = v.isbn ? normalizeIsbn(v.isbn) : undefined;
  if (!v.isbn) fail("isbn", "required");
  else if (!isbn13) fail("isbn", `"${v.isbn.slice(0, 40)}" is not a valid ISBN-10 or ISBN-13`);
  if (!v.sku) fail("sku", "required");
  const condition = v.condition ? parseCondition(v.condition) : undefined;
  if (!v.condition) fail("condition", "required");
  else if (!condition) fail("condition", `must be one of ${LISTING_CONDITIONS.join(", ")}`);
  const amount = v.price ? parsePrice(v.price) : undefined;
  if (!v.price) fail("price", "required");
  else if (amount === undefined) fail("price", "a price such as 12.99");
  const currency = v.currency?.trim().toUpperCase();
  if (!currency) fail("currency", "required");
  else if (currency !== MARKETPLACE_CURRENCY)
    fail("currency", `prices on this marketplace are in ${MARKETPLACE_CURRENCY}`);
  const quantity = v.quantity !== undefined && /^\d{1,6}$/.test(v.quantity.trim()) ? Number(v.quantity) : undefined;
  if (v.quantity === undefined) fail("quantity", "required");
  else if (quantity === undefined) fail("quantity", "a whole number from 0 to 100000");
  const threshold = v.low_stock_threshold?.trim();
  const lowStockThreshold = threshold !== undefined && /^\d{1,6}$/.test(threshold) ? Number(threshold) : undefined;
  if (threshold !== undefined && lowStockThreshold === undefined) {
    fail("low_stock_threshold", "a whole number from 0 to 100000");
  }
  const authors = v.authors
    ?.split(";")
    .map((name) => name.trim())
    .filter(Boolean);
  const listing = CreateListingBody.safeParse({
    isbn: v.isbn,
    sku: v.sku,
    condition,
    conditionNotes: v.notes,
    price: { amount, currency },
    quantity,
    lowStockThreshold,
    title: v.title,
    authors: authors?.length ? authors : undefined,
  });
  if (!listing.success) {
    const failed = new Set(errors.map((error) => error.field));
    for (const issue of listing.error.issues) {
      const column = columnOf(issue.path);
      if (!failed.has(column)) fail(column, issue.message);
      failed.add(column);
    }
  }
  if (errors.length || !listing.success) return { ok: false, errors };
  const checked = listing.data;
  return {
    ok: true,
    row: {
      row: input.row,
      isbn13: isbn13!,
      sku: checked.sku,
      condition: checked.condition,
      notes: checked.conditionNotes ?? null,
      price: checked.price,
      quantity: checked.quantity,
      lowStockThreshold: checked.lowStockThreshold,
      title: checked.title,
      authors: checked.authors,
    },
  };
}
