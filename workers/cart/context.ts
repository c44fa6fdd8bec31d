import type { Context } from "hono";
import { type CartListing, cartListings, catalogContext, type ListingToAdd, listingToAdd } from "../catalog";
import type { AppEnv } from "../http/context";
import type { Logger } from "../lib/log";
import type { Services } from "../platform/services";

/**
 * What the cart rules work with: the stock objects, the catalog's view of the listings in a cart, and the
 * services the quote reads promotions and tax rates through.
 */
export interface CartContext {
  stock: Env["STOCK"];
  listings: (ids: string[]) => Promise<Map<string, CartListing>>;
  /** The one listing an add names; cover options are read only when the add chooses one. */
  listingToAdd: (id: string, withCoverOptions: boolean) => Promise<ListingToAdd | undefined>;
  services: Services;
  log: Logger;
}

export function cartContext(c: Context<AppEnv>): CartContext {
  const catalog = catalogContext(c);
  return {
    stock: c.env.STOCK,
    listings: (ids) => cartListings(catalog, ids),
    listingToAdd: (id, withCoverOptions) => listingToAdd(catalog, id, withCoverOptions),
    services: c.get("services"),
    log: c.get("log"),
  };
}
