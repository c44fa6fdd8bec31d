import type { Services } from "../platform/services";
import { ownLocation, type SellerRating, sellerOf, sellerStores, storeNames } from "../sellers";

/**
 * What the catalog needs to know about sellers, which the sellers module owns: who a signed-in user sells
 * as, the store names shown on cart lines, the store names and ratings shown on offers, and whose locations are
 * whose. The catalog asks
 * sellers' service; it never reads its tables.
 */
export interface SellerDirectory {
  sellerIdOf(userId: string): Promise<string | undefined>;
  storeNames(sellerIds: string[]): Promise<Map<string, string>>;
  stores(sellerIds: string[]): Promise<Map<string, OfferSeller>>;
  /** Whether a location is this seller's own, for a listing that ships from it. */
  ownsLocation(sellerId: string, locationId: string): Promise<boolean>;
}

/** The seller as an offer shows it. */
export interface OfferSeller {
  storeName: string;
  rating: SellerRating;
}

export const UNKNOWN_STORE = "Unknown seller";
const UNKNOWN_SELLER: OfferSeller = { storeName: UNKNOWN_STORE, rating: { average: null, count: 0 } };

/** The offer's seller: its store, or the unknown seller when the profile is gone. */
export function offerSeller(stores: Map<string, OfferSeller>, sellerId: string) {
  return { id: sellerId, ...(stores.get(sellerId) ?? UNKNOWN_SELLER) };
}

export function sellerDirectory(services: Services): SellerDirectory {
  return {
    async sellerIdOf(userId) {
      return (await sellerOf({ services }, userId))?.id;
    },
    storeNames: (sellerIds) => storeNames({ services }, sellerIds),
    stores: (sellerIds) => sellerStores({ services }, sellerIds),
    ownsLocation: async (sellerId, locationId) => (await ownLocation({ services }, sellerId, locationId)) !== undefined,
  };
}
