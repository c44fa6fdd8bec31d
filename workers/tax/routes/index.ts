import { createRouter } from "../../http/router";
import { taxRateRoutes } from "./tax-rates";

/** Every route of the tax module, mounted once in workers/app.ts. */
export const taxRoutes = createRouter().route("/", taxRateRoutes);
