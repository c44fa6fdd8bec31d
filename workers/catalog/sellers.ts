import type { Services } from "../platform/services";

/**
 * What the catalog needs to know about sellers, which the identity module owns: who a signed-in user sells
 * as, and the store names shown on offers. The catalog never reads identity's tables.
 */
export interface SellerDirectory {
  sellerIdOf(userId: string): Promise<string | undefined>;
  storeNames(sellerIds: string[]): Promise<Map<string, string>>;
}

export const UNKNOWN_STORE = "Unknown seller";

export function identitySellerDirectory(_services: Services): SellerDirectory {
  return {
    async sellerIdOf() {
      return undefined;
    },
    async storeNames() {
      return new Map();
    },
  };
}
