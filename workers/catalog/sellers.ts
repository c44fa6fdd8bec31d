import type { Services } from "../platform/services";
import { sellerOf, storeNames } from "../sellers";

/**
 * What the catalog needs to know about sellers, which the sellers module owns: who a signed-in user sells
 * as, and the store names shown on offers. The catalog asks sellers' service; it never reads its tables.
 */
export interface SellerDirectory {
  sellerIdOf(userId: string): Promise<string | undefined>;
  storeNames(sellerIds: string[]): Promise<Map<string, string>>;
}

export const UNKNOWN_STORE = "Unknown seller";

export function sellerDirectory(services: Services): SellerDirectory {
  return {
    async sellerIdOf(userId) {
      return (await sellerOf({ services }, userId))?.id;
    },
    storeNames: (sellerIds) => storeNames({ services }, sellerIds),
  };
}
