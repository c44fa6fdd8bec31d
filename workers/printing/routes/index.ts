import { createRouter } from "../../http/router";
import { sellerPrintJobRoutes } from "./seller-print-jobs";

/** Every printing route: sellers' view of the covers printed for their lines. */
export const printingRoutes = createRouter().route("/", sellerPrintJobRoutes);
