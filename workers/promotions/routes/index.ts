import { createRouter } from "../../http/router";
import { adminPromotionRoutes } from "./admin-promotions";
import { sellerPromotionRoutes } from "./seller-promotions";

/** Every route of the promotions module, mounted once in workers/app.ts. */
export const promotionRoutes = createRouter().route("/", sellerPromotionRoutes).route("/", adminPromotionRoutes);
