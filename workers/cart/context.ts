import type { Context } from "hono";
import { type CartListing, cartListings, catalogContext, type ListingToAdd, listingToAdd } from "../catalog";
import type { AppEnv } from "../http/context";

/** What the cart rules work with: the stock objects and the catalog's view of the listings in a cart. */
export interface CartContext {
  stock: Env["STOCK"];
  listings: (ids: string[]) => Promise<Map<string, CartListing>>;
  /** The one listing an add names; cover options are read only when the add chooses one. */
  listingToAdd: (id: string, withCoverOptions: boolean) => Promise<ListingToAdd | undefined>;
}

export function cartContext(c: Context<AppEnv>): CartContext {
  const catalog = catalogContext(c);
  return {
    stock: c.env.STOCK,
    listings: (ids) => cartListings(catalog, ids),
    listingToAdd: (id, withCoverOptions) => listingToAdd(catalog, id, withCoverOptions),
  };
}
