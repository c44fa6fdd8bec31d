import { createRouter } from "../../http/router";
import { checkoutRoutes } from "./checkout";

/** Every route of the orders module, mounted once in workers/app.ts. */
export const orderRoutes = createRouter().route("/", checkoutRoutes);
