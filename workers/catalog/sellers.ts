import type { Services } from "../platform/services";
import { sellerOf, storeNames } from "../sellers";

/**
 * What the catalog needs to know about sellers, which the identity module owns: who a signed-in user sells
 * as, and the store names shown on offers. The catalog asks identity's service; it never reads its tables.
 */
export interface SellerDirectory {
  sellerIdOf(userId: string): Promise<string | undefined>;
  storeNames(sellerIds: string[]): Promise<Map<string, string>>;
}

export const UNKNOWN_STORE = "Unknown seller";

export function identitySellerDirectory(services: Services): SellerDirectory {
  return {
    async sellerIdOf(userId) {
      return (await sellerOf({ services }, userId))?.id;
    },
    storeNames(sellerIds) {
      return sellerIds.length ? storeNames({ services }, sellerIds) : Promise.resolve(new Map());
    },
  };
}
