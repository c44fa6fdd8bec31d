import type { Services } from "../platform/services";
import type { Rates } from "./engine";
import { destinationRates } from "./store";

export interface Destination {
  country: string;
  /** A region with rates of its own (a US state); '' or absent for the whole country. */
  region?: string | null;
}

/** The rates in force where an order ships: the region's own rate of a class where it has one, else the country's. */
export async function ratesFor(services: Pick<Services, "db">, destination: Destination): Promise<Rates> {
  const region = destination.region?.toUpperCase() ?? "";
  const rows = await destinationRates(services.db, destination.country.toUpperCase(), region);
  const rates: Rates = {};
  for (const row of rows.sort((a, b) => a.region.length - b.region.length)) {
    rates[row.taxClass] = { rate: row.rate, name: row.name };
  }
  return rates;
}
