import { createRouter } from "../../http/router";
import { wholeCartRoutes } from "./cart";
import { itemRoutes } from "./items";

/** Every cart route: the cart as a whole and its lines, for guests and signed-in users. */
export const cartRoutes = createRouter().route("/", wholeCartRoutes).route("/", itemRoutes);
