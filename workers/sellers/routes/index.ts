import { createRouter } from "../../http/router";
import { profileRoutes } from "./profile";
import { shippingRateRoutes } from "./shipping-rates";

/** Every sellers route: opening a seller profile and the seller's shipping rates. */
export const sellerRoutes = createRouter().route("/", profileRoutes).route("/", shippingRateRoutes);
