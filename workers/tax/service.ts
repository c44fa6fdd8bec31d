import type { Principal } from "../http/context";
import { AppError } from "../http/errors";
import { auditEntry, auditTarget } from "../identity";
import { newId } from "../lib/ids";
import { atomically } from "../platform/db";
import type { Services } from "../platform/services";
import type { TaxContext } from "./context";
import { isCountry, regionsOf } from "./countries";
import type { Rates, TaxClass } from "./engine";
import * as store from "./store";

export interface Destination {
  country: string;
  /** A region with rates of its own (a US state); '' or absent for the whole country. */
  region?: string | null;
}

/** The rates in force where an order ships: the region's own rate of a class where it has one, else the country's. */
export async function ratesFor(services: Pick<Services, "db">, destination: Destination): Promise<Rates> {
  const region = destination.region?.toUpperCase() ?? "";
  const rows = await store.destinationRates(services.db, destination.country.toUpperCase(), region);
  const rates: Rates = {};
  for (const row of rows.sort((a, b) => a.region.length - b.region.length)) {
    rates[row.taxClass] = { rate: row.rate, name: row.name };
  }
  return rates;
}

/** Highest rate an admin may set, in basis points (50%): anything above is a typo, not a tax. */
export const MAX_RATE = 5000;

/** A rate as admins see it: `destination` is the country (`DE`) or the region's ISO 3166-2 code (`US-CA`). */
export interface TaxRateView {
  id: string;
  destination: string;
  country: string;
  region: string | null;
  taxClass: TaxClass;
  rate: number;
  name: string;
  /** The admin's user id, or `seed` for a rate the migrations put in and no admin changed since. */
  updatedBy: string;
  updatedAt: string;
}

export function viewOf(row: store.TaxRateRow): TaxRateView {
  return {
    id: row.id,
    destination: row.region ? `${row.country}-${row.region}` : row.country,
    country: row.country,
    region: row.region || null,
    taxClass: row.taxClass,
    rate: row.rate,
    name: row.name,
    updatedBy: row.updatedBy,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

const unprocessable = (path: string, message: string) =>
  new AppError("unprocessable", `${path} ${message}.`, { errors: [{ path, message }] });

/**
 * A destination code read: `DE` (a country, ISO 3166-1 alpha-2) or `US-CA` (a region of a country whose regions
 * tax on their own, as ISO 3166-2 writes it), in either case. Codes that are no country, or a region where the
 * country has none, are refused with 422.
 */
export function destinationOf(code: string): { country: string; region: string } {
  const [country = "", region = ""] = code.toUpperCase().split("-");
  if (!isCountry(country)) throw unprocessable("destination", `${country} is not an ISO 3166-1 alpha-2 country code`);
  const regions = regionsOf(country);
  if (region && !regions) {
    throw unprocessable("destination", `${country} is taxed as one country: set its rate without a region`);
  }
  if (region && !regions?.has(region)) throw unprocessable("destination", `${region} is not a region of ${country}`);
  return { country, region };
}

export function listTaxRates(ctx: TaxContext, filter: { country?: string; taxClass?: TaxClass }) {
  return store.listRates(ctx.services.db, filter).then((rows) => rows.map(viewOf));
}

export interface SetTaxRate {
  destination: string;
  taxClass: TaxClass;
  rate: number;
  name: string;
}

/** A change lost to another admin's is read again and retried; past this many, the last failure is answered. */
const SET_ATTEMPTS = 3;

/**
 * Sets the rate of one class for one destination, creating it or replacing it, and writes who changed what
 * (the rate before and after) to the audit log in the same batch. The same rate and name again changes nothing
 * and logs nothing.
 */
export async function setTaxRate(
  ctx: TaxContext,
  admin: Principal,
  request: SetTaxRate,
  now = Date.now(),
): Promise<{ rate: TaxRateView; created: boolean }> {
  const { country, region } = destinationOf(request.destination);
  if (request.rate < 0 || request.rate > MAX_RATE) {
    throw unprocessable("rate", `must be from 0 to ${MAX_RATE} basis points (${MAX_RATE / 100}%)`);
  }
  const { db } = ctx.services;
  for (let attempt = 1; ; attempt++) {
    const read = await store.rateAt(db, country, region, request.taxClass);
    if (read && read.rate === request.rate && read.name === request.name) return { rate: viewOf(read), created: false };
    const change = { rate: request.rate, name: request.name, updatedBy: admin.userId, updatedAt: now };
    const row = read
      ? { ...read, ...change }
      : { id: newId("txr"), country, region, taxClass: request.taxClass, ...change };
    const audit = auditEntry(
      ctx,
      "tax_rate_set",
      {
        actorId: admin.userId,
        sessionId: admin.sessionId,
        detail: {
          taxRateId: row.id,
          destination: viewOf(row).destination,
          taxClass: row.taxClass,
          rate: row.rate,
          name: row.name,
          previous: read ? { rate: read.rate, name: read.name } : null,
        },
        target: auditTarget("tax_rate", row.id),
        before: read ? viewOf(read) : null,
        after: viewOf(row),
      },
      now,
    );
    try {
      await atomically(db, [read ? store.replaceRate(db, read, change) : store.insertRate(db, row), audit]);
      return { rate: viewOf(row), created: !read };
    } catch (error) {
      // Another admin set this rate between the read and the write: read it again.
      if (attempt >= SET_ATTEMPTS) throw error;
    }
  }
}

/**
 * Deletes a rate (its class is then taxed at 0 there, or at the country's rate for a region), with an audit
 * entry saying what it was.
 */
export async function deleteTaxRate(ctx: TaxContext, admin: Principal, taxRateId: string, now = Date.now()) {
  const { db } = ctx.services;
  const row = await store.rateById(db, taxRateId);
  if (!row) throw new AppError("not_found", "No such tax rate.");
  const view = viewOf(row);
  const audit = auditEntry(
    ctx,
    "tax_rate_deleted",
    {
      actorId: admin.userId,
      sessionId: admin.sessionId,
      detail: {
        taxRateId: row.id,
        destination: view.destination,
        taxClass: row.taxClass,
        rate: row.rate,
        name: row.name,
      },
      target: auditTarget("tax_rate", row.id),
      before: view,
      after: null,
    },
    now,
  );
  await atomically(db, [store.deleteRate(db, row.id), audit]);
}
