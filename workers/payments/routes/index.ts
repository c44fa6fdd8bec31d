import { createRouter } from "../../http/router";
import type { Services } from "../../platform/services";
import type { OrderLedgerSource, PayoutLedgerSource } from "../reconciliation";
import { devPaymentRoutes } from "./dev";
import { reconciliationRoutes } from "./reconciliation";
import { webhookRoutes } from "./webhooks";

/**
 * Every route of the payments module, mounted once in workers/app.ts, which gives it the orders ledger (and, once
 * composed, the payouts ledger).
 */
export const paymentRoutes = (
  ordersLedger: (services: Services) => OrderLedgerSource,
  payoutsLedger?: (services: Services) => PayoutLedgerSource,
) =>
  createRouter()
    .route("/", webhookRoutes)
    .route("/", devPaymentRoutes)
    .route("/", reconciliationRoutes(ordersLedger, payoutsLedger));
