import { createRouter } from "../../http/router";
import { profileRoutes } from "./profile";
import { shippingRateRoutes } from "./shipping-rates";

/** Every sellers route: the seller profile (opening, reading, editing it) and the seller's shipping rates. */
export const sellerRoutes = createRouter().route("/", profileRoutes).route("/", shippingRateRoutes);
