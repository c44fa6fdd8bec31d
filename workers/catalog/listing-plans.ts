import type { EventEnvelope } from "../../queues/event-catalogue";
import { AppError } from "../http/errors";
import { newId } from "../lib/ids";
import { MARKETPLACE_CURRENCY } from "../lib/money";
import type { Statement } from "../platform/db";
import type { CatalogContext } from "./context";
import { catalogEvents } from "./events";
import { type CoverOptionKind, DEFAULT_INSCRIPTION_LENGTH, type ListingCondition, statusFor } from "./model";
import type { PriceSwitch } from "./sale-timeline";
import { bumpVersion, refreshEditionOffers } from "./store/editions";
import {
  type CoverOptionRow,
  insertCoverOptions,
  insertListing,
  insertPriceHistory,
  type ListingRow,
  type NewCoverOption,
  recordPriceChange,
  regularPriceWrite,
  removeCoverOptions,
  type StockCopy,
  updateCoverOption,
  updateListing,
} from "./store/listings";
import { endSales, startSales, switchListingPrice } from "./store/sale-prices";

/**
 * The writes behind creating and changing a listing, as D1 statements plus the events they emit, so the API
 * and the CSV import commit exactly the same effects. Every plan refreshes the edition's browse summary and
 * bumps the versions that cached reads are keyed by, in the same batch.
 */

export interface Money {
  amount: number;
  currency: string;
}

export interface CoverOptionInput {
  id?: string;
  name: string;
  kind: CoverOptionKind;
  price: Money;
  maxLength?: number;
}

interface ListingFields {
  sku: string;
  condition: ListingCondition;
  conditionNotes?: string | null;
  price: Money;
  quantity: number;
  lowStockThreshold?: number;
  locationId?: string;
}

export interface Plan {
  statements: Statement[];
  events: EventEnvelope[];
  /** Editions whose browse summary (and cached pages) the plan changes; see `withEditionRefresh`. */
  editions: string[];
}

/** Refuses a price in another currency than the marketplace's (422 `unsupported_currency`). */
export function requireMarketplaceCurrency(price: Money, path: string): void {
  if (price.currency !== MARKETPLACE_CURRENCY) {
    throw new AppError("unsupported_currency", `Prices on this marketplace are in ${MARKETPLACE_CURRENCY}.`, {
      errors: [{ path: `${path}.currency`, message: `must be ${MARKETPLACE_CURRENCY}` }],
    });
  }
}

function coverOptionRow(listingId: string, input: CoverOptionInput, position: number): NewCoverOption {
  return {
    id: input.id ?? newId("cov"),
    listingId,
    name: input.name,
    kind: input.kind,
    priceAmount: input.price.amount,
    currency: input.price.currency,
    maxLength: input.kind === "inscription" ? (input.maxLength ?? DEFAULT_INSCRIPTION_LENGTH) : null,
    position,
  };
}

/**
 * A plan's statements followed by one refresh of each edition it touched and one bump of the browse version,
 * so a batch of many listings (an import chunk) refreshes each edition once.
 */
export function withEditionRefresh(ctx: CatalogContext, plans: Plan[], now: number): Statement[] {
  const editions = [...new Set(plans.flatMap((plan) => plan.editions))];
  const statements = plans.flatMap((plan) => plan.statements);
  if (editions.length === 0) return statements;
  return [
    ...statements,
    ...editions.map((editionId) => refreshEditionOffers(ctx.db, editionId, now)),
    bumpVersion(ctx.db, "browse"),
  ];
}

/**
 * Plans a new listing whose StockDO was already set (`stock`: the levels it answered with), so the D1 copy
 * starts at the object's version.
 */
export function planCreateListing(
  ctx: CatalogContext,
  listingId: string,
  sellerId: string,
  edition: { id: string; isbn13: string },
  fields: ListingFields,
  coverOptions: CoverOptionInput[],
  stock: StockCopy,
  now: number,
): Plan & { listingId: string } {
  const row = {
    id: listingId,
    sellerId,
    editionId: edition.id,
    sku: fields.sku,
    condition: fields.condition,
    conditionNotes: fields.conditionNotes ?? null,
    priceAmount: fields.price.amount,
    currency: fields.price.currency,
    quantity: stock.onHand,
    available: stock.available,
    stockVersion: stock.version,
    status: statusFor("active", stock.available),
    lowStockThreshold: fields.lowStockThreshold ?? 0,
    locationId: fields.locationId ?? null,
    createdAt: now,
    updatedAt: now,
  } as const;
  const statements: Statement[] = [
    insertListing(ctx.db, row),
    insertPriceHistory(ctx.db, {
      id: newId("prh"),
      listingId,
      amount: fields.price.amount,
      currency: fields.price.currency,
      changedAt: now,
    }),
    ...insertCoverOptions(
      ctx.db,
      coverOptions.map((option, position) => coverOptionRow(listingId, option, position)),
    ),
  ];
  const event = catalogEvents.listingCreated(row, edition.isbn13);
  return { listingId, statements, events: [event], editions: [edition.id] };
}

export interface ListingChanges {
  condition?: ListingCondition;
  conditionNotes?: string | null;
  price?: Money;
  quantity?: number;
  lowStockThreshold?: number;
  status?: "active" | "paused";
  locationId?: string | null;
  coverOptions?: CoverOptionInput[];
}

type ChangedField =
  | "condition"
  | "conditionNotes"
  | "price"
  | "quantity"
  | "lowStockThreshold"
  | "status"
  | "locationId"
  | "coverOptions";

function coverOptionsDiffer(current: CoverOptionRow[], wanted: CoverOptionInput[]): boolean {
  if (current.length !== wanted.length) return true;
  return wanted.some((option, position) => {
    const row = current[position]!;
    return (
      option.id !== row.id ||
      option.name !== row.name ||
      option.kind !== row.kind ||
      option.price.amount !== row.priceAmount ||
      option.price.currency !== row.currency ||
      (option.kind === "inscription" && (option.maxLength ?? DEFAULT_INSCRIPTION_LENGTH) !== row.maxLength)
    );
  });
}

/**
 * Plans a change to a listing. Nothing changes (no write, no event) when the values are the ones it already
 * has, which is what makes re-importing the same file a no-op. The price given is the regular price: while a sale
 * price is in force it becomes the list price and the price in force stays. The price-history row is inserted only
 * if the stored price in force really differs, checked inside the batch, so a concurrent edit cannot write a false
 * entry.
 * A new quantity (and low-stock threshold) must already have been set on the listing's StockDO: `stock` is what
 * it answered.
 */
export function planUpdateListing(
  ctx: CatalogContext,
  current: ListingRow,
  isbn13: string,
  changes: ListingChanges,
  currentOptions: CoverOptionRow[],
  now: number,
  stock?: StockCopy,
): Plan & { changed: ChangedField[] } {
  const changed: ChangedField[] = [];
  const next = { ...current };
  if (changes.condition !== undefined && changes.condition !== current.condition) {
    next.condition = changes.condition;
    changed.push("condition");
  }
  if (changes.conditionNotes !== undefined && (changes.conditionNotes ?? null) !== current.conditionNotes) {
    next.conditionNotes = changes.conditionNotes ?? null;
    changed.push("conditionNotes");
  }
  // The seller's price is the regular one: while a sale runs it is the list price, and the sale price stays in force.
  const onSale = current.listPriceAmount !== null;
  const regular = current.listPriceAmount ?? current.priceAmount;
  const priceMoved =
    changes.price !== undefined && (changes.price.amount !== regular || changes.price.currency !== current.currency);
  if (priceMoved) {
    if (onSale) next.listPriceAmount = changes.price!.amount;
    else next.priceAmount = changes.price!.amount;
    next.currency = changes.price!.currency;
    changed.push("price");
  }
  if (changes.lowStockThreshold !== undefined && changes.lowStockThreshold !== current.lowStockThreshold) {
    next.lowStockThreshold = changes.lowStockThreshold;
    changed.push("lowStockThreshold");
  }
  if (changes.locationId !== undefined && changes.locationId !== current.locationId) {
    next.locationId = changes.locationId;
    changed.push("locationId");
  }
  // Levels newer than the copy; or, for a listing whose StockDO has not started, the count it will start from.
  if (stock && (stock.version > current.stockVersion || (stock.version === 0 && current.stockVersion === 0))) {
    next.quantity = stock.onHand;
    next.available = stock.available;
    next.stockVersion = stock.version;
    if (next.quantity !== current.quantity) changed.push("quantity");
  }
  const requested = changes.status ?? (current.status === "paused" ? "paused" : "active");
  next.status = statusFor(requested, next.available);
  if (next.status !== current.status) changed.push("status");
  const optionsChanged = changes.coverOptions !== undefined && coverOptionsDiffer(currentOptions, changes.coverOptions);
  if (optionsChanged) changed.push("coverOptions");
  if (changed.length === 0) return { statements: [], events: [], editions: [], changed };

  const statements: Statement[] = [];
  if (priceMoved) {
    // Written only if no sale runs when the batch does: under a sale the price in force does not move.
    statements.push(
      recordPriceChange(ctx.db, {
        id: newId("prh"),
        listingId: current.id,
        amount: changes.price!.amount,
        currency: next.currency,
        changedAt: now,
      }),
    );
  }
  statements.push(
    updateListing(ctx.db, current.id, {
      condition: next.condition,
      conditionNotes: next.conditionNotes,
      ...(priceMoved ? regularPriceWrite(changes.price!.amount) : {}),
      currency: next.currency,
      quantity: next.quantity,
      available: next.available,
      stockVersion: next.stockVersion,
      status: next.status,
      lowStockThreshold: next.lowStockThreshold,
      locationId: next.locationId,
      updatedAt: now,
    }),
  );
  if (optionsChanged) statements.push(...planCoverOptions(ctx, current.id, currentOptions, changes.coverOptions!, now));
  const inForceMoved = next.priceAmount !== current.priceAmount;
  const previousPrice = inForceMoved ? { amount: current.priceAmount, currency: current.currency } : undefined;
  const event = catalogEvents.listingUpdated(next, isbn13, changed, previousPrice);
  return { statements, events: [event], editions: [current.editionId], changed };
}

/** Options with a known id are updated in place, new ones added, missing ones marked removed (carts keep theirs). */
function planCoverOptions(
  ctx: CatalogContext,
  listingId: string,
  current: CoverOptionRow[],
  wanted: CoverOptionInput[],
  now: number,
): Statement[] {
  const currentIds = new Set(current.map((row) => row.id));
  for (const option of wanted) {
    if (option.id && !currentIds.has(option.id)) {
      throw new AppError("validation_failed", `This listing has no cover option ${option.id}.`, {
        errors: [{ path: "coverOptions.id", message: "unknown cover option" }],
      });
    }
  }
  const keep = new Set(wanted.flatMap((option) => (option.id ? [option.id] : [])));
  const statements: Statement[] = removeCoverOptions(
    ctx.db,
    listingId,
    current.filter((row) => !keep.has(row.id)).map((row) => row.id),
    now,
  );
  const added: NewCoverOption[] = [];
  wanted.forEach((option, position) => {
    const row = coverOptionRow(listingId, option, position);
    if (option.id) {
      const { id: _id, listingId: _listing, ...fields } = row;
      statements.push(updateCoverOption(ctx.db, listingId, option.id, fields));
    } else added.push(row);
  });
  return [...statements, ...insertCoverOptions(ctx.db, added)];
}

/**
 * Plans a scheduled price switch of a listing (see `switchPrices`): the sales' new states, a history row for each
 * change at the moment it took effect, the listing's new prices and next switch, and `ListingUpdated` when the
 * price in force moved, as a seller's price change emits it. The edition is refreshed like any listing change,
 * which moves its lowest price, its list price and its next switch, and the versions cached reads are keyed by.
 * The listing write holds only if the listing is still as read (`switchListingPrice`).
 */
export function planPriceSwitch(
  ctx: CatalogContext,
  current: ListingRow,
  isbn13: string,
  outcome: PriceSwitch,
  now: number,
): Plan {
  const statements: Statement[] = [
    ...startSales(ctx.db, outcome.started),
    ...endSales(ctx.db, outcome.ended),
    ...outcome.changes.map((change) =>
      insertPriceHistory(ctx.db, {
        id: newId("prh"),
        listingId: current.id,
        amount: change.amount,
        currency: current.currency,
        changedAt: change.at,
      }),
    ),
    switchListingPrice(
      ctx.db,
      current.id,
      { version: current.version, price: outcome.price, listPrice: outcome.listPrice },
      now,
    ),
  ];
  const moved = outcome.price !== current.priceAmount;
  const events = moved
    ? [
        catalogEvents.listingUpdated({ ...current, priceAmount: outcome.price }, isbn13, ["price"], {
          amount: current.priceAmount,
          currency: current.currency,
        }),
      ]
    : [];
  return { statements, events, editions: [current.editionId] };
}
