import { createRouter } from "../../http/router";
import { shopAuditRoutes } from "./audit";
import { locationRoutes } from "./locations";
import { profileRoutes } from "./profile";
import { shippingRateRoutes } from "./shipping-rates";
import { storePageRoutes } from "./store-page";

/** Every sellers route: the seller profile (opening, reading, editing it), the seller's shipping rates and locations, the public store page, the shop's audit log. */
export const sellerRoutes = createRouter()
  .route("/", profileRoutes)
  .route("/", shippingRateRoutes)
  .route("/", locationRoutes)
  .route("/", storePageRoutes)
  .route("/", shopAuditRoutes);
