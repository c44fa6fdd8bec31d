import type { Principal } from "../http/context";
import { AppError } from "../http/errors";
import { type AccountSellers, grantRole, normaliseEmail } from "../identity";
import { readChunked } from "../lib/chunked";
import { newId } from "../lib/ids";
import { MARKETPLACE_CURRENCY, type Money } from "../lib/money";
import { failureMessages } from "../platform/db";
import type { Services } from "../platform/services";
import type { SellersContext } from "./context";
import { sellerEvents } from "./events";
import { type SellerRating, sellerRatingOf } from "./ratings";
import * as store from "./store";

/** Days after delivery in which a new seller's buyers may ask for a return, until the seller sets their own. */
export const DEFAULT_RETURN_WINDOW_DAYS = 14;

/** Seller profiles (one per account, unique store names) and shipping rates: where and at what cost a seller ships. */

export interface SellerView {
  id: string;
  userId: string;
  storeName: string;
  contactEmail: string;
  shipsFrom: string;
  /** Days after delivery in which buyers may ask for a return (0: no returns). */
  returnWindowDays: number;
  createdAt: string;
  updatedAt: string;
}

const sellerView = (seller: store.SellerRow): SellerView => ({
  id: seller.id,
  userId: seller.userId,
  storeName: seller.storeName,
  contactEmail: seller.contactEmail,
  shipsFrom: seller.shipsFrom,
  returnWindowDays: seller.returnWindowDays,
  createdAt: new Date(seller.createdAt).toISOString(),
  updatedAt: new Date(seller.updatedAt).toISOString(),
});

/**
 * Two profiles for one account, or two stores of one name, at the same moment: the unique indexes decide. D1 names
 * the table's columns, MySQL the index.
 */
function isSellerConflict(error: unknown): boolean {
  return failureMessages(error).some((message) =>
    /UNIQUE constraint failed: sellers\.|Duplicate entry '[\s\S]*' for key '(sellers\.)?sellers_/i.test(message),
  );
}

interface ProfileInput {
  storeName: string;
  contactEmail: string;
  shipsFrom: string;
}

const nameTaken = () => new AppError("store_name_taken", "Another seller already uses that store name.");

/** Opens the caller's seller profile and grants `seller`; the next refreshed access token carries it. */
export async function becomeSeller(
  ctx: SellersContext,
  principal: Principal,
  input: ProfileInput,
  now = Date.now(),
): Promise<SellerView> {
  const { db, outbox } = ctx.services;
  const id = newId("sel");
  const roleGrant = await grantRole(ctx, principal.userId, { role: "seller", detail: { sellerId: id } }, now);
  if (await store.findSellerByUser(db, principal.userId)) {
    throw new AppError("already_seller", "This account already has a seller profile.");
  }
  const storeNameKey = input.storeName.toLowerCase();
  if (await store.findSellerByStoreName(db, storeNameKey)) throw nameTaken();
  const seller = {
    id,
    userId: principal.userId,
    storeName: input.storeName,
    storeNameKey,
    contactEmail: normaliseEmail(input.contactEmail).email,
    shipsFrom: input.shipsFrom,
    ratingCount: 0,
    ratingTotal: 0,
    returnWindowDays: DEFAULT_RETURN_WINDOW_DAYS,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await outbox.commit([store.insertSeller(db, seller), ...roleGrant], [sellerEvents.sellerRegistered(seller)]);
  } catch (error) {
    if (!isSellerConflict(error)) throw error;
    if (await store.findSellerByUser(db, principal.userId)) throw new AppError("already_seller");
    throw nameTaken();
  }
  return sellerView(seller);
}

/** A seller's own profile, as its console and `GET /v1/seller/profile` show it. */
export async function sellerProfile(ctx: Pick<SellersContext, "services">, sellerId: string): Promise<SellerView> {
  const seller = await store.findSellerById(ctx.services.db, sellerId);
  if (!seller) throw new AppError("not_found", "No such seller profile.");
  return sellerView(seller);
}

/**
 * Changes what a seller's profile says (store name, contact email, ships-from country, return window), with the rules of opening
 * one: a store name is the seller's alone, in any case. Offers and orders show the new name from now on.
 */
export async function updateSellerProfile(
  ctx: Pick<SellersContext, "services">,
  sellerId: string,
  input: Partial<ProfileInput> & { returnWindowDays?: number },
  now = Date.now(),
): Promise<SellerView> {
  const { db } = ctx.services;
  const current = await store.findSellerById(db, sellerId);
  if (!current) throw new AppError("not_found", "No such seller profile.");
  const patch: Partial<store.SellerRow> = { updatedAt: now };
  if (input.storeName !== undefined) {
    const storeNameKey = input.storeName.toLowerCase();
    const holder = await store.findSellerByStoreName(db, storeNameKey);
    if (holder && holder.id !== sellerId) throw nameTaken();
    Object.assign(patch, { storeName: input.storeName, storeNameKey });
  }
  if (input.contactEmail !== undefined) patch.contactEmail = normaliseEmail(input.contactEmail).email;
  if (input.shipsFrom !== undefined) patch.shipsFrom = input.shipsFrom;
  if (input.returnWindowDays !== undefined) patch.returnWindowDays = input.returnWindowDays;
  try {
    await store.updateSeller(db, sellerId, patch);
  } catch (error) {
    if (isSellerConflict(error)) throw nameTaken();
    throw error;
  }
  return sellerView({ ...current, ...patch });
}

/** Each seller's return window in days, by seller id, for the orders module to set at delivery. */
export async function returnWindowDays(
  ctx: Pick<SellersContext, "services">,
  sellerIds: string[],
): Promise<Map<string, number>> {
  const rows = await readChunked([...new Set(sellerIds)], (part) => store.returnWindowsByIds(ctx.services.db, part));
  return new Map(rows.map((row) => [row.id, row.returnWindowDays]));
}

/** The seller profile of a user, for modules that act on behalf of a seller (listings, payouts). */
export async function sellerOf(ctx: Pick<SellersContext, "services">, userId: string): Promise<SellerView | undefined> {
  const seller = await store.findSellerByUser(ctx.services.db, userId);
  return seller ? sellerView(seller) : undefined;
}

/** The account behind each seller, by seller id, for modules that reach a seller as a user (the live channel). */
export async function sellerUserIds(
  ctx: Pick<SellersContext, "services">,
  sellerIds: string[],
): Promise<Map<string, string>> {
  const rows = await readChunked([...new Set(sellerIds)], (part) => store.sellerUsersByIds(ctx.services.db, part));
  return new Map(rows.map((row) => [row.id, row.userId]));
}

/** Store names of sellers by id, for modules that show who sells something (offers, orders). */
export async function storeNames(
  ctx: Pick<SellersContext, "services">,
  sellerIds: string[],
): Promise<Map<string, string>> {
  const profiles = await sellerProfiles(ctx, sellerIds);
  return new Map([...profiles].map(([id, profile]) => [id, profile.storeName]));
}

/** The account behind each seller and its store name, for modules that tell a seller something (notifications). */
export async function sellerAccounts(
  ctx: Pick<SellersContext, "services">,
  sellerIds: string[],
): Promise<Map<string, { userId: string; storeName: string }>> {
  const rows = await readChunked([...new Set(sellerIds)], (part) => store.sellerAccountsByIds(ctx.services.db, part));
  return new Map(rows.map(({ id, userId, storeName }) => [id, { userId, storeName }]));
}

/** Store name and rating of sellers by id, for modules that show a seller's offers (the catalog). */
export async function sellerStores(
  ctx: Pick<SellersContext, "services">,
  sellerIds: string[],
): Promise<Map<string, { storeName: string; rating: SellerRating }>> {
  const profiles = await sellerProfiles(ctx, sellerIds);
  return new Map(
    [...profiles].map(([id, profile]) => [id, { storeName: profile.storeName, rating: sellerRatingOf(profile) }]),
  );
}

export interface SellerStoreView {
  id: string;
  storeName: string;
  shipsFrom: string;
  memberSince: string;
  rating: SellerRating;
}

/** A seller's public store page (`GET /v1/sellers/{id}`). */
export async function sellerStore(ctx: Pick<SellersContext, "services">, sellerId: string): Promise<SellerStoreView> {
  const seller = await store.findSellerById(ctx.services.db, sellerId);
  if (!seller) throw new AppError("not_found", `No seller ${sellerId}.`);
  return {
    id: seller.id,
    storeName: seller.storeName,
    shipsFrom: seller.shipsFrom,
    memberSince: new Date(seller.createdAt).toISOString(),
    rating: sellerRatingOf(seller),
  };
}

/** Store name, ships-from country and rating counts of sellers by id, for modules that ship on their behalf (checkout). */
export async function sellerProfiles(
  ctx: Pick<SellersContext, "services">,
  sellerIds: string[],
): Promise<
  Map<string, { id: string; storeName: string; shipsFrom: string; ratingCount: number; ratingTotal: number }>
> {
  const rows = await readChunked([...new Set(sellerIds)], (part) => store.findSellersByIds(ctx.services.db, part));
  return new Map(rows.map((row) => [row.id, row]));
}

/** What identity shows and erases of an account's seller profile (composed into identity's routes by app.ts). */
export const accountSellers: AccountSellers = {
  async sellerIdOf(services: Services, userId: string) {
    return (await store.findSellerByUser(services.db, userId))?.id;
  },
  forgetContact(services: Services, userId: string, placeholderEmail: string, now: number) {
    return store.updateSellerByUser(services.db, userId, { contactEmail: placeholderEmail, updatedAt: now });
  },
};

// shipping rates: what each seller charges to send their part of an order

export interface RatePair {
  first: Money;
  additional: Money;
}

export interface ShippingRates {
  sellerId: string;
  /** Every country the seller ships to; null for the marketplace default, which ships everywhere. */
  countries: string[] | null;
  domestic: RatePair;
  international: RatePair;
  express: RatePair | null;
  source: "seller" | "default";
  updatedAt: number | null;
}

interface ShippingRatesInput {
  countries: string[];
  domestic: RatePair;
  international: RatePair;
  express?: RatePair;
}

export type ShippingMethod = "standard" | "express";

const eur = (amount: number): Money => ({ amount, currency: MARKETPLACE_CURRENCY });

/** What a seller who never set rates charges: every country, standard and express. */
export const DEFAULT_RATES = {
  domestic: { first: eur(390), additional: eur(100) },
  international: { first: eur(990), additional: eur(250) },
  express: { first: eur(1490), additional: eur(300) },
} as const;

function fromRow(row: store.ShippingRatesRow): ShippingRates {
  const money = (amount: number): Money => ({ amount, currency: row.currency });
  return {
    sellerId: row.sellerId,
    countries: row.countries,
    domestic: { first: money(row.domesticFirst), additional: money(row.domesticAdditional) },
    international: { first: money(row.internationalFirst), additional: money(row.internationalAdditional) },
    express:
      row.expressFirst === null || row.expressAdditional === null
        ? null
        : { first: money(row.expressFirst), additional: money(row.expressAdditional) },
    source: "seller",
    updatedAt: row.updatedAt,
  };
}

const defaults = (sellerId: string): ShippingRates => ({
  sellerId,
  countries: null,
  ...DEFAULT_RATES,
  source: "default",
  updatedAt: null,
});

/** The rates of several sellers (their own, or the default), by seller id. */
export async function shippingRates(services: Pick<Services, "db">, sellerIds: string[]) {
  const unique = [...new Set(sellerIds)];
  const rates = new Map(unique.map((id) => [id, defaults(id)]));
  for (const row of await readChunked(unique, (part) => store.shippingRatesOf(services.db, part))) {
    rates.set(row.sellerId, fromRow(row));
  }
  return rates;
}

/** Replaces a seller's rates. Every amount is in the marketplace currency, so orders total in one currency. */
export async function setShippingRates(
  ctx: Pick<SellersContext, "services">,
  sellerId: string,
  input: ShippingRatesInput,
  now = Date.now(),
): Promise<ShippingRates> {
  const pairs: [string, RatePair | undefined][] = [
    ["domestic", input.domestic],
    ["international", input.international],
    ["express", input.express],
  ];
  for (const [name, pair] of pairs) {
    for (const part of ["first", "additional"] as const) {
      if (pair && pair[part].currency !== MARKETPLACE_CURRENCY) {
        throw new AppError("unsupported_currency", `Shipping rates are in ${MARKETPLACE_CURRENCY}.`, {
          errors: [{ path: `${name}.${part}.currency`, message: `must be ${MARKETPLACE_CURRENCY}` }],
        });
      }
    }
  }
  const row: store.ShippingRatesRow = {
    sellerId,
    countries: [...new Set(input.countries)].sort(),
    currency: MARKETPLACE_CURRENCY,
    domesticFirst: input.domestic.first.amount,
    domesticAdditional: input.domestic.additional.amount,
    internationalFirst: input.international.first.amount,
    internationalAdditional: input.international.additional.amount,
    expressFirst: input.express?.first.amount ?? null,
    expressAdditional: input.express?.additional.amount ?? null,
    updatedAt: now,
  };
  await store.upsertShippingRates(ctx.services.db, row);
  return fromRow(row);
}

/** A seller's rates as the seller sees them: what applies where, and whether they are the seller's own yet. */
export interface ShippingRatesView {
  sellerId: string;
  /** The seller's ships-from country: the domestic rate applies there. */
  domesticCountry: string;
  countries: string[] | null;
  domestic: RatePair;
  international: RatePair;
  express: RatePair | null;
  source: "seller" | "default";
  updatedAt: string | null;
}

const ratesView = (rates: ShippingRates, seller: { shipsFrom: string }): ShippingRatesView => ({
  sellerId: rates.sellerId,
  domesticCountry: seller.shipsFrom,
  countries: rates.countries,
  domestic: rates.domestic,
  international: rates.international,
  express: rates.express,
  source: rates.source,
  updatedAt: rates.updatedAt === null ? null : new Date(rates.updatedAt).toISOString(),
});

/** The calling seller's rates: their own, or the marketplace default until they set some. */
export async function sellerShippingRates(
  ctx: Pick<SellersContext, "services">,
  seller: { id: string; shipsFrom: string },
): Promise<ShippingRatesView> {
  const rates = (await shippingRates(ctx.services, [seller.id])).get(seller.id)!;
  return ratesView(rates, seller);
}

/** Replaces the calling seller's rates; answers them as stored. */
export async function replaceShippingRates(
  ctx: Pick<SellersContext, "services">,
  seller: { id: string; shipsFrom: string },
  input: ShippingRatesInput,
  now = Date.now(),
): Promise<ShippingRatesView> {
  return ratesView(await setShippingRates(ctx, seller.id, input, now), seller);
}

type ShippingQuote =
  | { ok: true; charge: Money; zone: "domestic" | "international" | "express" }
  | { ok: false; reason: "country_not_served" | "express_not_offered" };

/**
 * What one seller charges to send `units` copies to `country`: the first copy at the first rate, each
 * further copy at the additional rate. Domestic means the seller's own country (`shipsFrom`).
 */
export function quoteShipping(
  rates: ShippingRates,
  shipment: { shipsFrom: string; country: string; method: ShippingMethod; units: number },
): ShippingQuote {
  if (rates.countries && !rates.countries.includes(shipment.country))
    return { ok: false, reason: "country_not_served" };
  const zone =
    shipment.method === "express" ? "express" : shipment.country === shipment.shipsFrom ? "domestic" : "international";
  const pair = rates[zone];
  if (!pair) return { ok: false, reason: "express_not_offered" };
  const extra = Math.max(0, shipment.units - 1);
  return {
    ok: true,
    zone,
    charge: { amount: pair.first.amount + pair.additional.amount * extra, currency: pair.first.currency },
  };
}
