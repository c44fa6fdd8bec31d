import { AppError } from "../http/errors";
import { readChunked } from "../lib/chunked";
import { MARKETPLACE_CURRENCY, type Money } from "../lib/money";
import type { Services } from "../platform/services";
import * as store from "./store";

/** Shipping rates: what each seller charges to send their part of an order, and where they ship. */

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

export interface ShippingRatesInput {
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
  services: Pick<Services, "db">,
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
  await store.upsertShippingRates(services.db, row);
  return fromRow(row);
}

export type ShippingQuote =
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
