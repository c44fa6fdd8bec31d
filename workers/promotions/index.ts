export type { LineDiscount } from "../../schema/promotions";
export { type PromotionsContext, promotionsConsumerContext, promotionsContext } from "./context";
export type { AppliedPromotion, Offer, Pricing, PricingLine, Refusal, RefusedCode } from "./engine";
export { promotionRoutes } from "./routes";
export {
  AdminPromotionsQuery,
  CreatePromotionBody,
  type CreatePromotionInput,
  PromotionSchema,
  type PromotionView,
  SellerPromotionsQuery,
  UpdatePromotionBody,
  type UpdatePromotionInput,
} from "./schemas";
export { countUses, holdUses, normaliseCode, type PriceRequest, priceLines, releaseUses } from "./service/pricing";
export {
  allPromotions,
  createPromotion,
  type Manager,
  promotion,
  sellerPromotions,
  updatePromotion,
} from "./service/promotions";
