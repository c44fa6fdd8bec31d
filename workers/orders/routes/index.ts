import { createRouter } from "../../http/router";
import { buyerOrderRoutes } from "./buyer";
import { checkoutRoutes } from "./checkout";
import { refundRoutes } from "./refunds";
import { sellerOrderRoutes } from "./seller";
import { sellerReportRoutes } from "./seller-reports";

/** Every route of the orders module, mounted once in workers/app.ts. */
export const orderRoutes = createRouter()
  .route("/", checkoutRoutes)
  .route("/", buyerOrderRoutes)
  .route("/", refundRoutes)
  .route("/", sellerOrderRoutes)
  .route("/", sellerReportRoutes);
