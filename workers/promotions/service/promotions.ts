import { z } from "zod";
import type { PromotionTargets } from "../../../schema/promotions";
import { sellersOfListings } from "../../catalog";
import { AppError } from "../../http/errors";
import { decodeCursor, encodeCursor } from "../../http/schemas";
import { auditEntry, auditTarget, retractAuditEntry } from "../../identity";
import { newId } from "../../lib/ids";
import { MARKETPLACE_CURRENCY, type Money } from "../../lib/money";
import { atomically, changes } from "../../platform/db";
import type { PromotionsContext } from "../context";
import type {
  AdminPromotionsQueryInput,
  CreatePromotionInput,
  PromotionView,
  SellerPromotionsQueryInput,
  UpdatePromotionInput,
} from "../schemas";
import {
  insertPromotion,
  isCodeTaken,
  type PromotionChanges,
  type PromotionFilter,
  type PromotionRow,
  promotionById,
  promotionsPage,
  updatePromotion as writeChanges,
} from "../store/promotions";
import {
  checkTerms,
  checkUsageLimit,
  checkWindow,
  type KindTerms,
  marketplaceAmount,
  TERM_NAMES,
  unprocessable,
} from "./rules";
import { matchesIfMatch, promotionView } from "./views";

/**
 * Running promotions: a seller's on its own listings (seller-funded), an admin's on the whole marketplace
 * (platform-funded). A seller sees and changes only its own; an admin sees every promotion and changes the
 * marketplace's. Changes are optimistic: written only on the version they were decided on.
 */

/** Who manages promotions: a seller (its own) or an admin (the marketplace's; every one to read). */
export type Manager = ({ role: "seller"; sellerId: string; userId: string } | { role: "admin"; userId: string }) & {
  sessionId?: string;
};

const sellerIdOf = (manager: Manager) => (manager.role === "seller" ? manager.sellerId : null);

const notFound = (id: string) => new AppError("not_found", `No promotion ${id}.`);
const codeTaken = (code: string) =>
  new AppError("promotion_code_taken", `The code ${code} is taken by another promotion.`, {
    errors: [{ path: "code", message: "taken" }],
  });

function timeOf(iso: string | null | undefined, fallback: number | null): number | null {
  return iso === undefined ? fallback : iso === null ? null : Date.parse(iso);
}

const amountOrNull = (money: Money | undefined, path: string) =>
  money === undefined ? null : marketplaceAmount(money, path);

/**
 * The targets with duplicates dropped; every listing named must exist and, for a seller, be its own (422
 * naming the others: another seller's listing and an unknown id alike).
 */
async function checkedTargets(
  ctx: PromotionsContext,
  manager: Manager,
  targets: Partial<PromotionTargets> | undefined,
): Promise<PromotionTargets> {
  const unique = (values: string[] | undefined) => [...new Set(values ?? [])];
  const checked = {
    listingIds: unique(targets?.listingIds),
    categoryIds: unique(targets?.categoryIds),
    conditions: unique(targets?.conditions),
    formats: unique(targets?.formats),
  };
  if (checked.listingIds.length === 0) return checked;
  const sellers = await sellersOfListings({ db: ctx.services.db }, checked.listingIds);
  const foreign = checked.listingIds.filter(
    (id) => !sellers.has(id) || (manager.role === "seller" && sellers.get(id) !== manager.sellerId),
  );
  if (foreign.length > 0) {
    const whose = manager.role === "seller" ? "your listings" : "listings";
    throw unprocessable([{ path: "targets.listingIds", message: `not ${whose}: ${foreign.join(", ")}` }]);
  }
  return checked;
}

/** `POST /v1/seller/promotions`, `POST /v1/admin/promotions`: a new promotion of the caller's. */
export async function createPromotion(
  ctx: PromotionsContext,
  manager: Manager,
  input: CreatePromotionInput,
): Promise<PromotionView> {
  const now = Date.now();
  const terms: KindTerms = {
    percentOff: input.percentOff ?? null,
    amountOff: amountOrNull(input.amountOff, "amountOff"),
    buyQuantity: input.buyQuantity ?? null,
    getQuantity: input.getQuantity ?? null,
    bundleQuantity: input.bundleQuantity ?? null,
    bundlePrice: amountOrNull(input.bundlePrice, "bundlePrice"),
  };
  checkTerms(input.kind, terms);
  const minimumSpend = input.minimumSpend ? marketplaceAmount(input.minimumSpend, "minimumSpend") : 0;
  const validFrom = timeOf(input.validFrom, now)!;
  const validUntil = timeOf(input.validUntil, null);
  checkWindow(validFrom, validUntil);
  const sellerId = sellerIdOf(manager);
  const row: PromotionRow = {
    id: newId("prm"),
    sellerId,
    fundedBy: sellerId === null ? "platform" : "seller",
    name: input.name,
    code: input.code ?? null,
    kind: input.kind,
    ...terms,
    currency: MARKETPLACE_CURRENCY,
    minimumSpend,
    targets: await checkedTargets(ctx, manager, input.targets),
    validFrom,
    validUntil,
    usageLimit: input.usageLimit ?? null,
    perBuyerLimit: input.perBuyerLimit ?? null,
    stackable: input.stackable ?? false,
    status: input.status ?? "active",
    usesHeld: 0,
    usesCount: 0,
    version: 1,
    createdBy: manager.userId,
    createdAt: now,
    updatedAt: now,
  };
  const audit = auditEntry(
    ctx,
    "promotion_created",
    {
      actorId: manager.userId,
      sessionId: manager.sessionId,
      target: auditTarget("promotion", row.id),
      before: null,
      after: promotionView(row),
      shopId: sellerId,
    },
    now,
  );
  try {
    await atomically(ctx.services.db, [insertPromotion(ctx.services.db, row), audit]);
  } catch (error) {
    if (row.code !== null && isCodeTaken(error)) throw codeTaken(row.code);
    throw error;
  }
  return promotionView(row);
}

const Cursor = z.object({ createdAt: z.number().int(), id: z.string() });

async function pageOf(ctx: PromotionsContext, filter: PromotionFilter, query: { limit: number; cursor?: string }) {
  const after = decodeCursor(query.cursor, Cursor);
  const rows = await promotionsPage(ctx.services.db, filter, { limit: query.limit, after });
  const shown = rows.slice(0, query.limit);
  const last = shown.at(-1);
  return {
    items: shown.map(promotionView),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}

/** `GET /v1/seller/promotions`: the seller's promotions, newest first, optionally in one status. */
export const sellerPromotions = (ctx: PromotionsContext, sellerId: string, query: SellerPromotionsQueryInput) =>
  pageOf(ctx, { sellerId, status: query.status }, query);

/** `GET /v1/admin/promotions`: every promotion, newest first, optionally one seller's, one funding's, one status's. */
export const allPromotions = (ctx: PromotionsContext, query: AdminPromotionsQueryInput) =>
  pageOf(ctx, { sellerId: query.sellerId, fundedBy: query.fundedBy, status: query.status }, query);

/** A promotion the manager may read: a seller's own only (another's is 404, as if it did not exist). */
async function readable(ctx: PromotionsContext, manager: Manager, id: string): Promise<PromotionRow> {
  const row = await promotionById(ctx.services.db, id);
  if (!row || (manager.role === "seller" && row.sellerId !== manager.sellerId)) throw notFound(id);
  return row;
}

/** `GET /v1/seller/promotions/{id}`, `GET /v1/admin/promotions/{id}`. */
export async function promotion(ctx: PromotionsContext, manager: Manager, id: string): Promise<PromotionView> {
  return promotionView(await readable(ctx, manager, id));
}

/** The kind's terms after the change: a new kind starts from none of the old kind's, then takes those sent. */
function termsAfter(row: PromotionRow, patch: UpdatePromotionInput, kindChanged: boolean): KindTerms {
  const sent: Record<keyof KindTerms, number | undefined> = {
    percentOff: patch.percentOff,
    amountOff: patch.amountOff && marketplaceAmount(patch.amountOff, "amountOff"),
    buyQuantity: patch.buyQuantity,
    getQuantity: patch.getQuantity,
    bundleQuantity: patch.bundleQuantity,
    bundlePrice: patch.bundlePrice && marketplaceAmount(patch.bundlePrice, "bundlePrice"),
  };
  return Object.fromEntries(
    TERM_NAMES.map((name) => [name, sent[name] ?? (kindChanged ? null : row[name])]),
  ) as unknown as KindTerms;
}

/** Kind and code stay as they are once an order has held or used the promotion. */
function checkInUse(row: PromotionRow, kindChanged: boolean, codeChanged: boolean): void {
  if (row.usesHeld === 0 || !(kindChanged || codeChanged)) return;
  const fields = [kindChanged && "kind", codeChanged && "code"].filter(Boolean) as string[];
  throw new AppError(
    "promotion_in_use",
    `Orders have used this promotion: its ${fields.join(" and ")} cannot change.`,
    {
      errors: fields.map((path) => ({ path, message: "cannot change once the promotion has been used" })),
    },
  );
}

/** The promotion as the change will leave it (what is not sent stays), for its audit entry. */
function expected(row: PromotionRow, change: PromotionChanges): PromotionRow {
  const sent = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
  return { ...row, ...sent, version: row.version + 1 } as PromotionRow;
}

/**
 * `PATCH /v1/seller/promotions/{id}`, `PATCH /v1/admin/promotions/{id}`: changes what is sent, on the version
 * read (and on the one `If-Match` names, when given). Another seller's promotion is 404; an admin changes only
 * the marketplace's. An ended promotion is final.
 */
export async function updatePromotion(
  ctx: PromotionsContext,
  manager: Manager,
  id: string,
  patch: UpdatePromotionInput,
  ifMatch?: string,
): Promise<PromotionView> {
  const row = await readable(ctx, manager, id);
  if (manager.role === "admin" && row.sellerId !== null) {
    throw new AppError("forbidden", "A seller's promotion is changed by that seller.");
  }
  if (!matchesIfMatch(ifMatch, row)) {
    throw new AppError("precondition_failed", `The promotion is at version ${row.version} now; read it again.`);
  }
  if (row.status === "ended") throw new AppError("invalid_transition", "The promotion has ended; that is final.");
  const kind = patch.kind ?? row.kind;
  const kindChanged = kind !== row.kind;
  const code = patch.code === undefined ? row.code : patch.code;
  const codeChanged = code !== row.code;
  const terms = termsAfter(row, patch, kindChanged);
  checkTerms(kind, terms);
  checkInUse(row, kindChanged, codeChanged);
  checkUsageLimit(patch.usageLimit, row.usesHeld);
  const validFrom = timeOf(patch.validFrom, row.validFrom)!;
  const validUntil = timeOf(patch.validUntil, row.validUntil);
  checkWindow(validFrom, validUntil);
  const change: PromotionChanges = {
    name: patch.name,
    code,
    kind,
    ...terms,
    minimumSpend: patch.minimumSpend && marketplaceAmount(patch.minimumSpend, "minimumSpend"),
    targets: patch.targets && (await checkedTargets(ctx, manager, patch.targets)),
    validFrom,
    validUntil,
    usageLimit: patch.usageLimit,
    perBuyerLimit: patch.perBuyerLimit,
    stackable: patch.stackable,
    status: patch.status,
    updatedAt: Date.now(),
  };
  const { db } = ctx.services;
  const auditId = newId("aud");
  const audit = auditEntry(
    ctx,
    patch.status && patch.status !== "active" && patch.status !== row.status
      ? "promotion_deactivated"
      : "promotion_updated",
    {
      id: auditId,
      actorId: manager.userId,
      sessionId: manager.sessionId,
      target: auditTarget("promotion", row.id),
      before: promotionView(row),
      after: promotionView(expected(row, change)),
      shopId: row.sellerId,
    },
    change.updatedAt,
  );
  let written: boolean;
  try {
    const guards = { unused: kindChanged || codeChanged, usageLimit: patch.usageLimit };
    const [result] = await atomically(db, [writeChanges(db, id, row.version, change, guards), audit]);
    written = changes(result) === 1;
  } catch (error) {
    if (code !== null && isCodeTaken(error)) throw codeTaken(code);
    throw error;
  }
  // The guard matched nothing: the entry went in with a change that did not happen.
  if (!written) await retractAuditEntry(ctx, auditId);
  const after = await readable(ctx, manager, id);
  if (!written) {
    // A checkout may have held a use meanwhile (it raises `usesHeld`, not the version): say what that forbids.
    if (after.version === row.version) {
      checkInUse(after, kindChanged, codeChanged);
      checkUsageLimit(patch.usageLimit, after.usesHeld);
    }
    throw new AppError("conflict", "The promotion changed while this request was made; read it again and retry.");
  }
  return promotionView(after);
}
