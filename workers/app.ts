import { cartRoutes, mergeGuestCart } from "./cart";
import { catalogRoutes } from "./catalog";
import { communityRoutes } from "./community";
import { consoleRoutes } from "./console";
import { docsRoutes } from "./docs";
import { healthRoutes } from "./health";
import { apiShell, withDocumentAndErrors } from "./http/api-shell";
import { DEVELOPMENT_PATHS, developmentOnly } from "./http/middleware/development-only";
import { identityRoutes } from "./identity";
import { bookPageExtras, recommendationRoutes, weeklyReportRoutes } from "./insights";
import { liveRoutes } from "./live";
import { notificationRoutes } from "./notifications";
import { operationsRoutes } from "./operations";
import { orderLedger, orderRoutes } from "./orders";
import { paymentRoutes } from "./payments";
import { payoutLedger, payoutRoutes } from "./payouts";
import { printingRoutes } from "./printing";
import { promotionRoutes } from "./promotions";
import { accountSellers, sellerRoutes } from "./sellers";
import { sellerSupportFigures, supportRoutes } from "./support";
import { taxRoutes } from "./tax";

/** The whole API, as the Worker serves it. */
export function createApp() {
  const app = apiShell();
  for (const path of DEVELOPMENT_PATHS) app.use(path, developmentOnly);

  app.route("/", healthRoutes);
  // Identity cannot import the modules built on it: the seller profile and the guest-cart merge come in here.
  app.route("/", identityRoutes({ sellers: accountSellers, afterLogin: mergeGuestCart }));
  app.route("/", cartRoutes);
  app.route("/", notificationRoutes);
  app.route("/", liveRoutes);
  // Payments' reconciliation is given the orders and payouts ledgers here, so payments imports neither.
  app.route("/", paymentRoutes(orderLedger, payoutLedger));
  app.route("/", operationsRoutes);
  // Catalog cannot import insights: the book page's "bought together" editions come in here.
  app.route("/", catalogRoutes(bookPageExtras));
  app.route("/", sellerRoutes);
  app.route("/", orderRoutes);
  app.route("/", payoutRoutes);
  app.route("/", printingRoutes);
  app.route("/", promotionRoutes);
  app.route("/", communityRoutes);
  app.route("/", recommendationRoutes);
  app.route("/", taxRoutes);
  app.route("/", supportRoutes);
  // Insights reads the sellers' support figures through the support module, given here.
  app.route("/", weeklyReportRoutes(sellerSupportFigures));
  app.route("/", docsRoutes);
  // The seller console's pages are HTML for browsers, not API operations: outside the OpenAPI document.
  app.route("/", consoleRoutes);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
  });
  return withDocumentAndErrors(app);
}

export type App = ReturnType<typeof createApp>;
