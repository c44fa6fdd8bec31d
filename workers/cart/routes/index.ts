import { createRouter } from "../../http/router";
import { wholeCartRoutes } from "./cart";
import { itemRoutes } from "./items";
import { promotionRoutes } from "./promotions";

/** Every cart route: the cart as a whole, its lines and its promotion codes, for guests and signed-in users. */
export const cartRoutes = createRouter().route("/", wholeCartRoutes).route("/", itemRoutes).route("/", promotionRoutes);
