export type { LineDiscount } from "../../schema/promotions";
export { type PromotionsContext, promotionsConsumerContext, promotionsContext } from "./context";
export type { AppliedPromotion, Offer, Pricing, PricingLine, Refusal, RefusedCode } from "./engine";
export { countUses, holdUses, normaliseCode, type PriceRequest, priceLines, releaseUses } from "./service/pricing";
