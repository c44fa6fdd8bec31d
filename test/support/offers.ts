import type { Offer } from "../../workers/promotions/engine";

/** The moment the engine tests price at. */
export const NOW = 1_800_000_000_000;

/** A running, automatic marketplace promotion as the engine sees it, changed by `overrides`. */
export function offer(overrides: Partial<Offer>): Offer {
  return {
    id: "prm_1",
    sellerId: null,
    fundedBy: "platform",
    name: "offer",
    code: null,
    kind: "percent_off",
    percentOff: null,
    amountOff: null,
    buyQuantity: null,
    getQuantity: null,
    bundleQuantity: null,
    bundlePrice: null,
    minimumSpend: 0,
    targets: { listingIds: [], categoryIds: [], conditions: [], formats: [] },
    validFrom: NOW - 1000,
    validUntil: null,
    usageLimit: null,
    perBuyerLimit: null,
    stackable: false,
    status: "active",
    usesHeld: 0,
    buyerUses: 0,
    ...overrides,
  };
}
