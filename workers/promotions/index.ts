export type { LineDiscount } from "../../schema/promotions";
export { type PromotionsContext, promotionsConsumerContext, promotionsContext } from "./context";
export type { AppliedPromotion, Offer, Pricing, PricingLine, Refusal } from "./engine";
export { type Reclaim, reclaimUses, type UsedPromotion } from "./service/late-uses";
export { countUses, holdUses, normaliseCode, type PriceRequest, priceLines, releaseUses } from "./service/pricing";
