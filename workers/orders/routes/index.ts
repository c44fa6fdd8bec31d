import { createRouter } from "../../http/router";
import { adminReturnRoutes } from "./admin-returns";
import { buyerOrderRoutes } from "./buyer";
import { checkoutRoutes } from "./checkout";
import { refundRoutes } from "./refunds";
import { returnRoutes } from "./returns";
import { sellerOrderRoutes } from "./seller";
import { sellerReportRoutes } from "./seller-reports";
import { sellerReturnRoutes } from "./seller-returns";

/** Every route of the orders module, mounted once in workers/app.ts. */
export const orderRoutes = createRouter()
  .route("/", checkoutRoutes)
  .route("/", buyerOrderRoutes)
  .route("/", refundRoutes)
  .route("/", sellerOrderRoutes)
  .route("/", sellerReportRoutes)
  .route("/", returnRoutes)
  .route("/", sellerReturnRoutes)
  .route("/", adminReturnRoutes);
