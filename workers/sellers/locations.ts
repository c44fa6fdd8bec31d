import type { LocationAddress } from "../../schema/sellers";
import { AppError } from "../http/errors";
import { readChunked } from "../lib/chunked";
import { newId } from "../lib/ids";
import type { SellersContext } from "./context";
import * as store from "./store";

/** The places a seller ships from: a listing names one, and its country prices the listing's shipping. */

export interface LocationInput {
  name: string;
  country: string;
  address: LocationAddress;
}

export interface LocationView extends LocationInput {
  id: string;
  createdAt: string;
  updatedAt: string;
}

const view = (row: store.LocationRow): LocationView => ({
  id: row.id,
  name: row.name,
  country: row.country,
  address: row.address,
  createdAt: new Date(row.createdAt).toISOString(),
  updatedAt: new Date(row.updatedAt).toISOString(),
});

const MAX_LOCATIONS = 50;

export async function addLocation(
  ctx: Pick<SellersContext, "services">,
  sellerId: string,
  input: LocationInput,
  now = Date.now(),
): Promise<LocationView> {
  const { db } = ctx.services;
  if ((await store.locationsOfSeller(db, sellerId)).length >= MAX_LOCATIONS) {
    throw new AppError("unprocessable", `A seller ships from at most ${MAX_LOCATIONS} locations.`);
  }
  const row = { id: newId("loc"), sellerId, ...input, createdAt: now, updatedAt: now };
  await store.insertLocation(db, row);
  return view(row);
}

export async function sellerLocationsOf(ctx: Pick<SellersContext, "services">, sellerId: string) {
  return (await store.locationsOfSeller(ctx.services.db, sellerId)).map(view);
}

/** One of the seller's locations; another seller's is "not found", the same as an unknown id. */
export async function ownLocation(ctx: Pick<SellersContext, "services">, sellerId: string, locationId: string) {
  const [row] = await store.locationsByIds(ctx.services.db, [locationId]);
  return row && row.sellerId === sellerId ? view(row) : undefined;
}

export async function changeLocation(
  ctx: Pick<SellersContext, "services">,
  sellerId: string,
  locationId: string,
  patch: Partial<LocationInput>,
  now = Date.now(),
): Promise<LocationView> {
  const current = await ownLocation(ctx, sellerId, locationId);
  if (!current) throw new AppError("not_found", "No such location of yours.");
  const changes = { ...patch, updatedAt: now };
  await store.updateLocation(ctx.services.db, locationId, changes);
  return { ...current, ...patch, updatedAt: new Date(now).toISOString() };
}

/** Removes a location; the catalog first checks that no listing ships from it. */
export async function removeLocation(ctx: Pick<SellersContext, "services">, sellerId: string, locationId: string) {
  if (!(await ownLocation(ctx, sellerId, locationId))) throw new AppError("not_found", "No such location of yours.");
  await store.deleteLocation(ctx.services.db, sellerId, locationId);
}

/** The country of each location, by id, for quoting shipping from where a listing ships. */
export async function locationCountries(
  ctx: Pick<SellersContext, "services">,
  locationIds: string[],
): Promise<Map<string, string>> {
  const rows = await readChunked([...new Set(locationIds)], (ids) => store.locationsByIds(ctx.services.db, ids));
  return new Map(rows.map((row) => [row.id, row.country]));
}
