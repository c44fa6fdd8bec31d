import type { COVER_OPTION_KINDS, LISTING_CONDITIONS, ListingView } from "../catalog";
import { AppError, type FieldError } from "../http/errors";
import { MARKETPLACE_CURRENCY } from "../lib/money";
import { decimal, minorUnits, refusal, wholeNumber } from "./forms";
import type { FormState } from "./views/parts";

/** The listing editor's form: what the seller types, turned into the API's body shape, and its errors back. */

export type Condition = (typeof LISTING_CONDITIONS)[number];
export type CoverOptionKind = (typeof COVER_OPTION_KINDS)[number];

export const CONDITION_LABELS: Record<Condition, string> = {
  new: "New",
  like_new: "Like new",
  very_good: "Very good",
  good: "Good",
  acceptable: "Acceptable",
};

export const KIND_LABELS: Record<CoverOptionKind, string> = {
  material: "Material",
  inscription: "Inscription",
  artwork: "Artwork",
};

/** Blank cover-option rows the form offers besides the listing's own, for sellers without JavaScript. */
export const BLANK_OPTION_ROWS = 2;
/** The API's limit of cover options per listing; form rows past it are never read. */
export const MAX_OPTION_ROWS = 20;

export const optionField = (index: number, part: "id" | "name" | "kind" | "price" | "maxLength" | "remove") =>
  `option-${index}-${part}`;

/** A draft of an API body: what could be read from the form, the fields that could not, and where zod paths show. */
interface Draft {
  body: Record<string, unknown>;
  errors: Record<string, string>;
  fieldNames: Record<string, string>;
}

/** A price field: minor units in the marketplace's currency, or a message when the text is not a price. */
function readPrice(draft: Draft, field: string, text: string | undefined) {
  if (!text?.trim()) return undefined;
  const amount = minorUnits(text);
  if (amount === undefined) draft.errors[field] = "Enter a price such as 12.50.";
  return amount === undefined ? undefined : { amount, currency: MARKETPLACE_CURRENCY };
}

function readWhole(draft: Draft, field: string, text: string | undefined, message: string) {
  if (!text?.trim()) return undefined;
  const number = wholeNumber(text);
  if (number === undefined) draft.errors[field] = message;
  return number;
}

/** The inline edit of a row: its price and copies on hand, as `PATCH /v1/seller/listings/{id}` takes them. */
export function stockDraft(values: Record<string, string>): Draft {
  const draft: Draft = { body: {}, errors: {}, fieldNames: { "price.amount": "price", "price.currency": "price" } };
  draft.body.price = readPrice(draft, "price", values.price);
  draft.body.quantity = readWhole(draft, "quantity", values.quantity, "Enter a whole number of copies.");
  if (!values.price?.trim()) draft.errors.price = "Enter a price.";
  if (!values.quantity?.trim()) draft.errors.quantity = "Enter how many copies you have.";
  return draft;
}

/** The cover-option rows the seller filled in (blank new rows and rows marked for removal are left out). */
function readCoverOptions(draft: Draft, values: Record<string, string>) {
  const options: Record<string, unknown>[] = [];
  for (let index = 0; index < MAX_OPTION_ROWS + BLANK_OPTION_ROWS; index++) {
    const field = (part: Parameters<typeof optionField>[1]) => optionField(index, part);
    const id = values[field("id")]?.trim() || undefined;
    const name = values[field("name")]?.trim() ?? "";
    const priceText = values[field("price")]?.trim() ?? "";
    if (values[field("remove")] || (!id && !name && !priceText)) continue;
    const at = `coverOptions.${options.length}`;
    for (const part of ["name", "kind", "price", "maxLength"] as const) draft.fieldNames[`${at}.${part}`] = field(part);
    draft.fieldNames[`${at}.price.amount`] = field("price");
    draft.fieldNames[`${at}`] = field("name");
    const price = readPrice(draft, field("price"), priceText);
    if (!priceText) draft.errors[field("price")] = "Enter the option's price (0.00 if it is free).";
    const maxLength = readWhole(draft, field("maxLength"), values[field("maxLength")], "Enter a whole number.");
    options.push({ id, name, kind: values[field("kind")], price, maxLength });
  }
  return options;
}

/** What the editor's fields share between creating and changing a listing. */
function offerDraft(values: Record<string, string>, creating: boolean): Draft {
  const draft: Draft = { body: {}, errors: {}, fieldNames: { "price.amount": "price", coverOptions: "coverOptions" } };
  const notes = values.conditionNotes?.trim() ?? "";
  const threshold = readWhole(draft, "lowStockThreshold", values.lowStockThreshold, "Enter a whole number.");
  Object.assign(draft.body, {
    condition: values.condition || undefined,
    conditionNotes: notes ? notes : creating ? undefined : null,
    price: readPrice(draft, "price", values.price),
    quantity: readWhole(draft, "quantity", values.quantity, "Enter a whole number of copies."),
    lowStockThreshold: threshold,
    coverOptions: readCoverOptions(draft, values).map((option) => (creating ? { ...option, id: undefined } : option)),
  });
  if (!values.price?.trim()) draft.errors.price = "Enter a price.";
  if (!values.quantity?.trim()) draft.errors.quantity = "Enter how many copies you have.";
  return draft;
}

/** `POST /v1/seller/listings`'s body from the new-listing form (title and authors only for an unknown ISBN). */
export function newListingDraft(values: Record<string, string>): Draft {
  const draft = offerDraft(values, true);
  const authors = (values.authors ?? "")
    .split(/\r?\n/)
    .map((author) => author.trim())
    .filter(Boolean);
  Object.assign(draft.body, {
    isbn: values.isbn?.trim() ?? "",
    sku: values.sku?.trim() ?? "",
    title: values.title?.trim() || undefined,
    authors: authors.length ? authors : undefined,
  });
  return draft;
}

/** `PATCH /v1/seller/listings/{id}`'s body from the editor: every field, so the options are the full set. */
export const listingChangesDraft = (values: Record<string, string>): Draft => offerDraft(values, false);

/**
 * A refused submit as the form shows it. On top of `refusal`: the fields the service's own checks name
 * (`errors[].path`), a quantity below what checkouts hold beside the quantity, and the text fields that were not
 * numbers. Another seller's listing stays a 404 page.
 */
export function listingRefusal(values: Record<string, string>, error: unknown, draft: Draft): FormState {
  if (error instanceof AppError && error.status === 404) throw error;
  const form = refusal(values, error, draft.fieldNames);
  if (error instanceof AppError) {
    const named = (error.extra.errors ?? []) as FieldError[];
    for (const { path, message } of named) {
      const field = draft.fieldNames[path] ?? path.split(".")[0]!;
      form.errors[field] ??= message.charAt(0).toUpperCase() + message.slice(1);
    }
    if (error.code === "conflict" && "held" in error.extra) {
      form.errors.quantity = error.message;
      delete form.message;
    }
  }
  for (const [field, message] of Object.entries(draft.errors)) form.errors[field] = message;
  return form;
}

/** The form's errors from reading the text alone (no service call needed), or undefined when there are none. */
export function textRefusal(values: Record<string, string>, draft: Draft): FormState | undefined {
  if (Object.keys(draft.errors).length === 0) return undefined;
  return { values, errors: { ...draft.errors }, status: 422 };
}

/** The editor's fields filled from a listing, as the seller typed them. */
export function listingValues(listing: ListingView & { lowStockThreshold?: number }): Record<string, string> {
  const values: Record<string, string> = {
    condition: listing.condition,
    conditionNotes: listing.conditionNotes ?? "",
    // The seller edits the regular price; a sale price in force is scheduled apart and stays.
    price: decimal((listing.listPrice ?? listing.price).amount),
    quantity: String(listing.quantity),
    lowStockThreshold: String(listing.lowStockThreshold ?? 0),
  };
  for (const [index, option] of listing.coverOptions.entries()) {
    values[optionField(index, "id")] = option.id;
    values[optionField(index, "name")] = option.name;
    values[optionField(index, "kind")] = option.kind;
    values[optionField(index, "price")] = decimal(option.price.amount);
    values[optionField(index, "maxLength")] = option.maxLength === null ? "" : String(option.maxLength);
  }
  return values;
}

/** How many cover-option rows the form shows: every row it was sent (or the listing has), plus blank ones. */
export function optionRowCount(values: Record<string, string>): number {
  let filled = 0;
  for (let index = 0; index < MAX_OPTION_ROWS + BLANK_OPTION_ROWS; index++) {
    const used = ["id", "name", "price"].some((part) => values[optionField(index, part as "id")]?.trim());
    if (used) filled = index + 1;
  }
  return Math.min(filled + BLANK_OPTION_ROWS, MAX_OPTION_ROWS + BLANK_OPTION_ROWS);
}
